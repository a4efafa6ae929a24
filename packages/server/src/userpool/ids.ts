import type { Random } from '../clock.js';

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const lowerAlphanumeric = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(random: Random, alphabet: string, length: number): string {
  let out = '';
  // 256 is not a multiple of 36 or 62: bytes past the last whole multiple are redrawn.
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of random.bytes(length)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** `us-east-1_AbC123xyZ`: clients split on `_` for the region and hash the suffix into SRP. */
export const newUserPoolId = (random: Random, region: string) => `${region}_${randomString(random, alphanumeric, 9)}`;

export const newClientId = (random: Random) => randomString(random, lowerAlphanumeric, 26);

export const newClientSecret = (random: Random) => randomString(random, lowerAlphanumeric, 51);
