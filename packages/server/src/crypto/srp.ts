import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { modPow } from './modpow.js';

export { isValidSrpTimestamp } from './srp-timestamp.js';

// Cognito's SRP-6a variant, server side (wire reference section 3).
// Group: the 3072-bit MODP prime of RFC 3526 / RFC 5054, generator 2.
const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

/**
 * Minimal big-endian two's-complement hex (Java `BigInteger.toByteArray()`), the encoding every
 * Cognito SRP hash uses. Values are never padded to the length of N (reference 3.2).
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw new RangeError('padHex: negative values do not occur in SRP');
  const hex = n.toString(16);
  const even = hex.length % 2 ? '0' + hex : hex;
  return /^[89a-f]/.test(even) ? '00' + even : even;
}

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
const hmac = (key: Buffer, data: Buffer): Buffer => createHmac('sha256', key).update(data).digest();
const toBigInt = (bytes: Buffer): bigint => (bytes.length === 0 ? 0n : BigInt('0x' + bytes.toString('hex')));
/** H over the bytes of concatenated padHex strings, as an integer. */
const hashHexToInt = (hex: string): bigint => toBigInt(sha256(Buffer.from(hex, 'hex')));

const k = hashHexToInt(padHex(N) + padHex(g));

function computeX(saltHex: string, poolName: string, username: string, password: string): bigint {
  const inner = sha256(Buffer.from(`${poolName}${username}:${password}`, 'utf8')).toString('hex');
  return hashHexToInt(padHex(BigInt('0x' + saltHex)) + inner);
}

/** HKDF-Extract with salt padHex(u), one Expand block, first 16 bytes (reference 3.3). */
function computeSessionKey(u: bigint, S: bigint): Buffer {
  const prk = hmac(Buffer.from(padHex(u), 'hex'), Buffer.from(padHex(S), 'hex'));
  const info = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);
  return hmac(prk, info).subarray(0, 16);
}

export const srpInternals = { N, g, k, computeX, computeSessionKey, hashHexToInt };

export function createSrpVerifier(input: {
  poolName: string;
  username: string;
  password: string;
  salt?: Buffer;
}): { saltHex: string; verifierHex: string } {
  const saltHex = (input.salt ?? randomBytes(16)).toString('hex');
  const x = computeX(saltHex, input.poolName, input.username, input.password);
  return { saltHex, verifierHex: modPow(g, x, N).toString(16) };
}

export function startSrp(
  verifierHex: string,
  random: (n: number) => Buffer = randomBytes,
): { bHex: string; BHex: string } {
  const v = BigInt('0x' + verifierHex);
  for (;;) {
    const b = toBigInt(random(32));
    if (b === 0n) continue;
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { bHex: b.toString(16), BHex: B.toString(16) };
  }
}

/** The client's SRP_A, bounded so a huge value cannot burn CPU; null when unusable. */
export function parseSrpA(aHex: string): bigint | null {
  if (aHex.length === 0 || aHex.length > 1024 || !/^[0-9a-fA-F]+$/.test(aHex)) return null;
  const A = BigInt('0x' + aHex);
  return A % N === 0n ? null : A;
}

export function verifySrpClaim(input: {
  poolName: string;
  username: string;
  verifierHex: string;
  bHex: string;
  BHex: string;
  A: bigint;
  secretBlock: string;
  timestamp: string;
  signature: string;
}): boolean {
  const { A } = input;
  if (A <= 0n || A % N === 0n) return false;
  const v = BigInt('0x' + input.verifierHex);
  const b = BigInt('0x' + input.bHex);
  const B = BigInt('0x' + input.BHex);
  const u = hashHexToInt(padHex(A) + padHex(B));
  if (u === 0n) return false;
  const S = modPow((A * modPow(v, u, N)) % N, b, N);
  const K = computeSessionKey(u, S);
  const message = Buffer.concat([
    Buffer.from(input.poolName, 'utf8'),
    Buffer.from(input.username, 'utf8'),
    Buffer.from(input.secretBlock, 'base64'),
    Buffer.from(input.timestamp, 'utf8'),
  ]);
  const expected = hmac(K, message);
  const given = Buffer.from(input.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * ConfirmDevice's DeviceSecretVerifierConfig (reference 3.7): Salt is Base64 of padHex(salt),
 * PasswordVerifier is Base64 of padHex(v). Throws when either decodes to nothing.
 */
export function deviceVerifierFromConfig(cfg: { PasswordVerifier: string; Salt: string }): {
  saltHex: string;
  verifierHex: string;
} {
  const saltHex = Buffer.from(cfg.Salt, 'base64').toString('hex');
  const verifierHex = Buffer.from(cfg.PasswordVerifier, 'base64').toString('hex');
  if (saltHex === '' || verifierHex === '' || BigInt('0x' + verifierHex) % N === 0n) {
    throw new Error('DeviceSecretVerifierConfig is malformed');
  }
  return { saltHex, verifierHex };
}

/** The modular exponentiations a real proof check costs, spent when there is nothing to check. */
export function modPowWork(): void {
  const exponent = toBigInt(randomBytes(32));
  modPow(modPow(g, exponent, N), exponent, N);
}
