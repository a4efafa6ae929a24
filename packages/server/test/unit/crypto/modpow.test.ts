import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { modPow, modPowLoop } from '../../../src/crypto/modpow.js';
import { srpInternals } from '../../../src/crypto/srp.js';

const randomBigInt = (bytes: number): bigint => BigInt('0x' + randomBytes(bytes).toString('hex'));

describe('modPow', () => {
  it('matches square-and-multiply for random values modulo the SRP prime', () => {
    for (let i = 0; i < 20; i++) {
      const base = randomBigInt(400); // deliberately larger than N
      const exponent = randomBigInt(32);
      expect(modPow(base, exponent, srpInternals.N)).toBe(modPowLoop(base, exponent, srpInternals.N));
    }
  });

  it('matches square-and-multiply for random odd and even moduli of various sizes', () => {
    for (let i = 0; i < 40; i++) {
      const modulus = randomBigInt(1 + (i % 70)) + 2n;
      const base = randomBigInt(80);
      const exponent = randomBigInt(1 + (i % 40));
      expect(modPow(base, exponent, modulus)).toBe(modPowLoop(base, exponent, modulus));
    }
  });

  it('handles edge cases', () => {
    const N = srpInternals.N;
    expect(modPow(5n, 0n, N)).toBe(1n);
    expect(modPow(5n, 1n, N)).toBe(5n);
    expect(modPow(0n, 7n, N)).toBe(0n);
    expect(modPow(N, 7n, N)).toBe(0n);
    expect(modPow(N + 1n, 12345n, N)).toBe(1n);
    expect(modPow(2n, 10n, 1000n)).toBe(24n);
    expect(modPow(7n, 3n, 1n)).toBe(0n);
    expect(modPow(-3n, 3n, 7n)).toBe(1n); // (-27) mod 7
    expect(modPowLoop(2n, 100n, 1n)).toBe(0n);
  });

  it('falls back when OpenSSL refuses a large exponent on a large modulus', () => {
    const modulus = randomBigInt(512) | 1n; // 4096-bit: OpenSSL caps the public exponent at 64 bits
    const base = randomBigInt(64);
    const exponent = randomBigInt(16);
    expect(modPow(base, exponent, modulus)).toBe(modPowLoop(base, exponent, modulus));
  });
});
