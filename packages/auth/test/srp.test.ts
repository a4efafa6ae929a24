// Client-side SRP against the deterministic vector of the wire reference §3.6.
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, toHex, utf8 } from '../src/srp/encoding.js';
import { hashHex } from '../src/srp/hash.js';
import { N, fromHexInt, g, modPow, padHex } from '../src/srp/math.js';
import { createDeviceVerifier, createSrpSecret, passwordClaim, privateKey, srpTimestamp } from '../src/srp/srp.js';

const vector = {
  poolName: 'AbCdEf123',
  username: 'testuser',
  password: 'Passw0rd!',
  salt: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  a: fromHexInt('1'.repeat(64)),
  b: fromHexInt('2'.repeat(64)),
  secretBlock: toBase64(utf8('self-hosted-secret-block-0001')),
  timestamp: 'Tue Sep 7 01:02:03 UTC 2021',
};

describe('SRP as Cognito computes it (reference §3.6 test vector)', () => {
  it('derives k, x, v, A, B, u, K and PASSWORD_CLAIM_SIGNATURE of the vector', async () => {
    const k = fromHexInt(toHex(await hashHex(padHex(N) + padHex(g))));
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
    const x = await privateKey(vector.salt, vector.poolName, vector.username, vector.password);
    expect(x.toString(16)).toBe('94e99640383f0ba16592920cc308b1137cc02ef3b82dd3adc108e3442b7b48ac');
    const v = modPow(g, x, N);
    expect(v.toString(16).slice(0, 32)).toBe('bda435386e14d78ac078753833e422f2');

    const secret = createSrpSecret(vector.a);
    expect(secret.A.toString(16).slice(0, 32)).toBe('f2c4e7407ccfac452a7c7e1034e8388b');
    // The server's side, to get the B the vector was made with: B = (k·v + g^b) mod N.
    const B = (k * v + modPow(g, vector.b, N)) % N;
    expect(B.toString(16).slice(0, 32)).toBe('cb2e079a3f490c0b7842ee2ff2653a18');
    const u = fromHexInt(toHex(await hashHex(padHex(secret.A) + padHex(B))));
    expect(u.toString(16)).toBe('4b8e0c86f4380fc8f2c172aeac9a8aeaa1d3b368ecc91b18b55f7622bb061d3f');

    const claim = await passwordClaim({ ...vector, secret, B: B.toString(16) });
    expect(toHex(claim.key)).toBe('28d8745ae8f05b6e0d5cc0d5fee91772');
    expect(claim.signature).toBe('DUo8sF1Xveqd5EdRc7G2S1ai5B0zOdkJCxJ+TKLcdZg=');
  });

  it('agrees with the server-side computation for random secrets (S = (A·v^u)^b mod N)', async () => {
    const x = await privateKey(vector.salt, vector.poolName, vector.username, vector.password);
    const v = modPow(g, x, N);
    const k = fromHexInt(toHex(await hashHex(padHex(N) + padHex(g))));
    for (let run = 0; run < 3; run++) {
      const secret = createSrpSecret();
      const b = fromHexInt(toHex(crypto.getRandomValues(new Uint8Array(32))));
      const B = (k * v + modPow(g, b, N)) % N;
      const u = fromHexInt(toHex(await hashHex(padHex(secret.A) + padHex(B))));
      const S = modPow((secret.A * modPow(v, u, N)) % N, b, N);
      const claim = await passwordClaim({ ...vector, secret, B: B.toString(16) });
      const prk = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(fromHex(padHex(u))), fromHex(padHex(S))));
      const K = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(prk), new Uint8Array([...utf8('Caldera Derived Key'), 1]))).slice(0, 16);
      expect(toHex(claim.key)).toBe(toHex(K));
    }
  });

  it('pads hex as Java BigInteger.toByteArray: 00 before a set top bit, never to the length of N', () => {
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(padHex(g)).toBe('02');
    expect(padHex(N)).toHaveLength(2 + 768);
  });

  it('formats TIMESTAMP with an unpadded day, English names and UTC', () => {
    expect(srpTimestamp(Date.UTC(2021, 8, 7, 1, 2, 3))).toBe('Tue Sep 7 01:02:03 UTC 2021');
    expect(srpTimestamp(Date.UTC(2026, 10, 22, 23, 59, 9))).toBe('Sun Nov 22 23:59:09 UTC 2026');
  });

  it('registers a device with a verifier that device SRP accepts (reference §3.7)', async () => {
    const { randomPassword, config } = await createDeviceVerifier('-groupKey1', 'us-east-1_device');
    expect(fromBase64(randomPassword)).toHaveLength(40);
    const saltHex = toHex(fromBase64(config.Salt));
    expect(saltHex).toBe(padHex(fromHexInt(saltHex)));
    const x = await privateKey(saltHex, '-groupKey1', 'us-east-1_device', randomPassword);
    expect(toHex(fromBase64(config.PasswordVerifier))).toBe(padHex(modPow(g, x, N)));
  });
});

const hmacKey = (key: Uint8Array) => crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
