import { timingSafeEqual } from 'node:crypto';
import { signatureOf, signingKey } from './canonical.js';
import type { SignedRequest } from './signed-request.js';

/** Whether the request was signed with this secret; compared in constant time. */
export function signatureMatches(signed: Pick<SignedRequest, 'scope' | 'stringToSign' | 'signature'>, secretAccessKey: string): boolean {
  const { date, region, service } = signed.scope;
  const expected = Buffer.from(signatureOf(signingKey(secretAccessKey, date, region, service), signed.stringToSign), 'utf8');
  const given = Buffer.from(signed.signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
