import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { modPowLoop } from '../../../src/crypto/modpow.js';
import {
  createSrpVerifier,
  deviceVerifierFromConfig,
  isValidSrpTimestamp,
  padHex,
  parseSrpA,
  srpInternals,
  startSrp,
  verifySrpClaim,
} from '../../../src/crypto/srp.js';

const { N, g, k } = srpInternals;

// The client side, written from the formulas of wire reference 3.3 (independent of src/).
const H = (hex: string): bigint => BigInt('0x' + createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex'));
const hmac = (key: Buffer, data: Buffer): Buffer => createHmac('sha256', key).update(data).digest();

function clientSignature(p: {
  poolName: string; username: string; password: string; saltHex: string; a: bigint;
  BHex: string; secretBlock: string; timestamp: string;
}): { A: bigint; u: bigint; x: bigint; K: Buffer; signature: string } {
  const A = modPowLoop(g, p.a, N);
  const B = BigInt('0x' + p.BHex);
  const u = H(padHex(A) + padHex(B));
  const inner = createHash('sha256').update(`${p.poolName}${p.username}:${p.password}`).digest('hex');
  const x = H(padHex(BigInt('0x' + p.saltHex)) + inner);
  const base = (((B - k * modPowLoop(g, x, N)) % N) + N) % N;
  const S = modPowLoop(base, p.a + u * x, N);
  const prk = hmac(Buffer.from(padHex(u), 'hex'), Buffer.from(padHex(S), 'hex'));
  const K = hmac(prk, Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).subarray(0, 16);
  const message = Buffer.concat([
    Buffer.from(p.poolName), Buffer.from(p.username),
    Buffer.from(p.secretBlock, 'base64'), Buffer.from(p.timestamp),
  ]);
  return { A, u, x, K, signature: hmac(K, message).toString('base64') };
}

describe('padHex', () => {
  it('encodes like BigInteger.toByteArray', () => {
    expect(padHex(0n)).toBe('00');
    expect(padHex(2n)).toBe('02');
    expect(padHex(0xfn)).toBe('0f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0x7fffn)).toBe('7fff');
    expect(padHex(0x1abcn)).toBe('1abc');
    expect(padHex(N)).toHaveLength(770);
    expect(padHex(N).startsWith('00ffff')).toBe(true);
  });
});

describe('SRP test vector (wire reference 3.6)', () => {
  const poolName = 'AbCdEf123';
  const username = 'testuser';
  const password = 'Passw0rd!';
  const saltHex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const secretBlock = Buffer.from('self-hosted-secret-block-0001').toString('base64');
  const timestamp = 'Tue Sep 7 01:02:03 UTC 2021';

  it('reproduces k, x, v, A, B, u, K and the signature', () => {
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
    expect(srpInternals.computeX(saltHex, poolName, username, password).toString(16)).toBe(
      '94e99640383f0ba16592920cc308b1137cc02ef3b82dd3adc108e3442b7b48ac',
    );
    const { verifierHex } = createSrpVerifier({ poolName, username, password, salt: Buffer.from(saltHex, 'hex') });
    expect(verifierHex.startsWith('bda435386e14d78ac078753833e422f2')).toBe(true);

    const { bHex, BHex } = startSrp(verifierHex, (n) => Buffer.alloc(n, 0x22));
    expect(bHex).toBe('22'.repeat(32));
    expect(BHex.startsWith('cb2e079a3f490c0b7842ee2ff2653a18')).toBe(true);

    const a = BigInt('0x' + '1'.repeat(64));
    const client = clientSignature({ poolName, username, password, saltHex, a, BHex, secretBlock, timestamp });
    expect(client.A.toString(16).startsWith('f2c4e7407ccfac452a7c7e1034e8388b')).toBe(true);
    expect(client.x.toString(16)).toBe('94e99640383f0ba16592920cc308b1137cc02ef3b82dd3adc108e3442b7b48ac');
    expect(client.u.toString(16)).toBe('4b8e0c86f4380fc8f2c172aeac9a8aeaa1d3b368ecc91b18b55f7622bb061d3f');
    expect(srpInternals.computeSessionKey(client.u, modPowLoop(
      (client.A * modPowLoop(BigInt('0x' + verifierHex), client.u, N)) % N, BigInt('0x' + bHex), N,
    )).toString('hex')).toBe('28d8745ae8f05b6e0d5cc0d5fee91772');
    expect(client.K.toString('hex')).toBe('28d8745ae8f05b6e0d5cc0d5fee91772');
    expect(client.signature).toBe('DUo8sF1Xveqd5EdRc7G2S1ai5B0zOdkJCxJ+TKLcdZg=');

    const A = parseSrpA(client.A.toString(16));
    expect(A).toBe(client.A);
    const claim = { poolName, username, verifierHex, bHex, BHex, A: A!, secretBlock, timestamp };
    expect(verifySrpClaim({ ...claim, signature: client.signature })).toBe(true);
    expect(isValidSrpTimestamp(timestamp, Date.UTC(2021, 8, 7, 1, 2, 3))).toBe(true);
  });
});

describe('SRP random round trip', () => {
  it('accepts the right password and rejects wrong password, tampering and changed timestamp', () => {
    const poolName = 'Xy12AbCd9';
    const username = '7d1e3c2a-0b4f-4e8a-9c6d-5f2e1a0b3c4d';
    const password = `pw-${randomBytes(6).toString('hex')}-ü`;
    const { saltHex, verifierHex } = createSrpVerifier({ poolName, username, password });
    expect(saltHex).toMatch(/^[0-9a-f]{32}$/);
    const { bHex, BHex } = startSrp(verifierHex);
    const secretBlock = randomBytes(48).toString('base64');
    const timestamp = 'Sun Nov 22 01:26:44 UTC 2026';
    const a = BigInt('0x' + randomBytes(128).toString('hex'));
    const sign = (pw: string) =>
      clientSignature({ poolName, username, password: pw, saltHex, a, BHex, secretBlock, timestamp });
    const right = sign(password);
    const A = parseSrpA(right.A.toString(16))!;
    const claim = { poolName, username, verifierHex, bHex, BHex, A, secretBlock, timestamp };

    expect(verifySrpClaim({ ...claim, signature: right.signature })).toBe(true);
    expect(verifySrpClaim({ ...claim, signature: sign(password + 'x').signature })).toBe(false);
    const tampered = Buffer.from(secretBlock, 'base64');
    tampered[0] = tampered[0]! ^ 1;
    expect(verifySrpClaim({ ...claim, secretBlock: tampered.toString('base64'), signature: right.signature })).toBe(false);
    expect(verifySrpClaim({ ...claim, timestamp: 'Sun Nov 22 01:26:45 UTC 2026', signature: right.signature })).toBe(false);
    expect(verifySrpClaim({ ...claim, username: username.toUpperCase(), signature: right.signature })).toBe(false);
    expect(verifySrpClaim({ ...claim, signature: right.signature.slice(0, 20) })).toBe(false);
    expect(verifySrpClaim({ ...claim, signature: '' })).toBe(false);
  });

  it('works with device verifiers from ConfirmDevice (reference 3.7)', () => {
    const deviceGroupKey = '-abcDEF12';
    const deviceKey = 'us-east-1_5f0c3a2e-1b4d-4c6e-8a9f-0d1e2f3a4b5c';
    const randomPassword = randomBytes(40).toString('base64');
    for (const firstByte of [0x05, 0x9a]) {
      const saltBytes = randomBytes(16);
      saltBytes[0] = firstByte;
      const saltPadHex = padHex(BigInt('0x' + saltBytes.toString('hex')));
      const inner = createHash('sha256').update(`${deviceGroupKey}${deviceKey}:${randomPassword}`).digest('hex');
      const v = modPowLoop(g, H(saltPadHex + inner), N);
      const stored = deviceVerifierFromConfig({
        Salt: Buffer.from(saltPadHex, 'hex').toString('base64'),
        PasswordVerifier: Buffer.from(padHex(v), 'hex').toString('base64'),
      });
      expect(stored.saltHex).toBe(saltPadHex);
      const { bHex, BHex } = startSrp(stored.verifierHex);
      const secretBlock = randomBytes(32).toString('base64');
      const timestamp = 'Tue Sep 7 01:02:03 UTC 2021';
      const a = BigInt('0x' + randomBytes(128).toString('hex'));
      const client = clientSignature({
        poolName: deviceGroupKey, username: deviceKey, password: randomPassword,
        saltHex: stored.saltHex, a, BHex, secretBlock, timestamp,
      });
      const claim = { poolName: deviceGroupKey, username: deviceKey, ...stored, bHex, BHex, A: client.A, secretBlock, timestamp };
      expect(verifySrpClaim({ ...claim, signature: client.signature })).toBe(true);
    }
    expect(() => deviceVerifierFromConfig({ Salt: '', PasswordVerifier: 'AQ==' })).toThrow();
    expect(() => deviceVerifierFromConfig({ Salt: 'AQ==', PasswordVerifier: '' })).toThrow();
  });
});

describe('parseSrpA', () => {
  it('rejects non-hex, oversize and zero-mod-N values', () => {
    expect(parseSrpA('abc123')).toBe(0xabc123n);
    expect(parseSrpA('ABC123')).toBe(0xabc123n);
    expect(parseSrpA('')).toBeNull();
    expect(parseSrpA('xyz')).toBeNull();
    expect(parseSrpA('0x12')).toBeNull();
    expect(parseSrpA('12 34')).toBeNull();
    expect(parseSrpA('1'.repeat(1024))).not.toBeNull();
    expect(parseSrpA('1'.repeat(1025))).toBeNull();
    expect(parseSrpA('0')).toBeNull();
    expect(parseSrpA(N.toString(16))).toBeNull();
    expect(parseSrpA((N * 2n).toString(16))).toBeNull();
  });
});

describe('isValidSrpTimestamp', () => {
  const at = Date.UTC(2021, 8, 7, 1, 2, 3);
  it('accepts the Cognito format at the right time', () => {
    expect(isValidSrpTimestamp('Tue Sep 7 01:02:03 UTC 2021', at)).toBe(true);
    expect(isValidSrpTimestamp('Tue Sep 7 01:02:03 UTC 2021', at + 4 * 60_000)).toBe(true);
    expect(isValidSrpTimestamp('Sun Nov 22 01:26:44 UTC 2026', Date.UTC(2026, 10, 22, 1, 26, 44))).toBe(true);
  });
  it('rejects other formats, wrong weekdays, impossible dates and skew', () => {
    expect(isValidSrpTimestamp('Tue Sep 07 01:02:03 UTC 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('Wed Sep 7 01:02:03 UTC 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('Tue Sep 7 1:02:03 UTC 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('Tue Sep  7 01:02:03 UTC 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('tue sep 7 01:02:03 UTC 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('Tue Sep 7 01:02:03 GMT 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('Tue Sep 7 24:02:03 UTC 2021', at)).toBe(false);
    expect(isValidSrpTimestamp('Sat Feb 30 01:02:03 UTC 2021', Date.UTC(2021, 2, 2, 1, 2, 3))).toBe(false);
    expect(isValidSrpTimestamp('Tue Sep 7 01:02:03 UTC 2021', at + 6 * 60_000)).toBe(false);
    expect(isValidSrpTimestamp('Tue Sep 7 01:02:03 UTC 2021', at - 6 * 60_000)).toBe(false);
  });
});
