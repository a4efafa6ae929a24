import { randomBytes, randomUUID } from 'node:crypto';

/** Time is injected so expiry, lockout and TOTP windows are tested without sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Randomness is injected for the same reason: deterministic tests of codes and ids. */
export interface Random {
  bytes(length: number): Buffer;
  uuid(): string;
  /** A string of `length` decimal digits, uniformly distributed. */
  digits(length: number): string;
}

export const systemRandom: Random = {
  bytes: (length) => randomBytes(length),
  uuid: () => randomUUID(),
  digits(length) {
    let out = '';
    while (out.length < length) {
      // Rejection sampling keeps every digit uniform: bytes of 250 and above are discarded.
      for (const byte of randomBytes(length)) {
        if (byte < 250 && out.length < length) out += String(byte % 10);
      }
    }
    return out;
  },
};

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);
