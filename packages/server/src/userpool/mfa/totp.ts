import { Secret, TOTP } from 'otpauth';
import type { Random } from '../../clock.js';

const stepMs = 30_000;

/** A new shared secret, base32 as AssociateSoftwareToken hands it out (32 bytes, 52 characters). */
export const newTotpSecret = (random: Random): string => new Secret({ buffer: new Uint8Array(random.bytes(32)).buffer }).base32;

/**
 * The 30-second step a 6-digit code belongs to (RFC 6238, SHA-1), with one step of tolerance either
 * side; undefined when it matches none.
 */
export function totpStepOf(secretBase32: string, code: string, nowMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' });
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? undefined : Math.floor(nowMs / stepMs) + delta;
}

/** For tests and tools: the code of the step that holds `nowMs`. */
export const totpCodeAt = (secretBase32: string, nowMs: number): string =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: nowMs });
