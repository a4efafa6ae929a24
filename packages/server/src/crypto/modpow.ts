import { constants, createPublicKey, publicEncrypt } from 'node:crypto';

/**
 * Modular exponentiation. BigInt square-and-multiply takes ~5 ms for a 256-bit exponent and a
 * 3072-bit modulus; an unpadded RSA "encryption" (base^e mod n) does the same computation inside
 * OpenSSL in ~0.6 ms, so that is the fast path.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 0n) throw new RangeError('modPow: modulus must be positive');
  if (exponent < 0n) throw new RangeError('modPow: exponent must be non-negative');
  const reduced = ((base % modulus) + modulus) % modulus;
  if (exponent < 2n || modulus < 3n) return modPowLoop(reduced, exponent, modulus);
  try {
    return modPowOpenSsl(reduced, exponent, modulus);
  } catch {
    // OpenSSL refuses some inputs (e.g. an exponent over 64 bits with a modulus above 3072 bits).
    return modPowLoop(reduced, exponent, modulus);
  }
}

/** Reference implementation, also the fallback. */
export function modPowLoop(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let result = 1n;
  let square = ((base % modulus) + modulus) % modulus;
  let rest = exponent;
  while (rest > 0n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
    rest >>= 1n;
  }
  return result;
}

interface ParsedModulus {
  value: bigint;
  base64url: string;
  byteLength: number;
}

// The modulus is almost always the SRP group prime, so one cached entry is enough.
let lastModulus: ParsedModulus | undefined;

function parseModulus(modulus: bigint): ParsedModulus {
  if (lastModulus?.value !== modulus) {
    const bytes = bigintToBytes(modulus);
    lastModulus = { value: modulus, base64url: bytes.toString('base64url'), byteLength: bytes.length };
  }
  return lastModulus;
}

function modPowOpenSsl(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const parsed = parseModulus(modulus);
  const key = createPublicKey({
    key: { kty: 'RSA', n: parsed.base64url, e: bigintToBytes(exponent).toString('base64url') },
    format: 'jwk',
  });
  const input = Buffer.from(base.toString(16).padStart(parsed.byteLength * 2, '0'), 'hex');
  const output = publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, input);
  return output.length === 0 ? 0n : BigInt('0x' + output.toString('hex'));
}

function bigintToBytes(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
}
