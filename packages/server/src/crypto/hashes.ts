import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A random, URL-safe bearer value (session ids, refresh tokens, codes kept server-side). */
export function opaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Compares digests rather than the strings so that neither the content nor the length of
 * the secret leaks through timing.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB) && a === b;
}

/** Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', Buffer.from(clientSecret, 'utf8'))
    .update(username + clientId, 'utf8')
    .digest('base64');
}

export function hmacSha256Hex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
