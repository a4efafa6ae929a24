import { SignatureError } from './errors.js';

/** How far a signature's X-Amz-Date may be from the server's clock, either way. */
const allowedSkewMs = 5 * 60_000;

/** `20150830T123600Z` → milliseconds since the epoch; IncompleteSignatureException when it is not that format. */
export function parseAmzDate(value: string): number {
  const parts = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  const ms = parts ? Date.UTC(+parts[1]!, +parts[2]! - 1, +parts[3]!, +parts[4]!, +parts[5]!, +parts[6]!) : NaN;
  // Date.UTC rolls over out-of-range fields (month 13, second 61): only a date that formats back to itself is one.
  if (Number.isNaN(ms) || formatAmzDate(ms) !== value) {
    throw new SignatureError('IncompleteSignatureException', `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  return ms;
}

export const formatAmzDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** Refuses a signature made more than five minutes before or after `now`, in AWS's words. */
export function checkSignatureTime(amzDate: string, signedAt: number, now: number): void {
  if (signedAt < now - allowedSkewMs) {
    throw new SignatureError('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - allowedSkewMs)} (${formatAmzDate(now)} - 5 min.)`);
  }
  if (signedAt > now + allowedSkewMs) {
    throw new SignatureError('InvalidSignatureException', `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + allowedSkewMs)} (${formatAmzDate(now)} + 5 min.)`);
  }
}
