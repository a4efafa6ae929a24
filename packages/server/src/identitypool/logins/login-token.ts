import { decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { epochSeconds } from '../../clock.js';
import { fail } from '../../errors.js';
import type { Context } from '../../userpool/context.js';

/** Cognito's answers to a login token it does not accept, all NotAuthorizedException. */
export const loginMessages = {
  unsupportedProvider: 'Token is not from a supported provider of this identity pool.',
  notOpenIdToken: 'Invalid login token. Not a valid OpenId Connect identity token.',
  issuerMismatch: "Invalid login token. Issuer doesn't match providerName",
  signature: "Invalid login token. Couldn't verify signed token.",
  audience: 'Invalid login token. Incorrect token audience.',
  missingClaim: (claim: string) => `Invalid login token. Missing a required claim: ${claim}`,
  expired: (nowSeconds: number, exp: number) => `Invalid login token. Token expired: ${nowSeconds} >= ${exp}`,
  // Access tokens (Facebook, Login with Amazon) are judged by their provider, which gives no times to quote.
  providerTokenExpired: 'Invalid login token. Token is expired.',
  providerRefused: 'Invalid login token. The provider did not accept the token.',
  providerUnavailable: (key: string) => `Couldn't verify the token with ${key}: the provider did not answer as expected.`,
  logins: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
} as const;

export const refuseLogin = (message: string): never => fail('NotAuthorizedException', message);

/** The claims of a token not yet verified: only to find out who should have signed it. */
export function decodeLoginToken(token: string): JWTPayload {
  try {
    return decodeJwt(token);
  } catch {
    return refuseLogin(loginMessages.notOpenIdToken);
  }
}

/** Signature and expiry on the server's clock; the caller checks issuer and audience with Cognito's messages. */
export async function verifyLoginToken(context: Context, token: string, keys: JWTVerifyGetKey, algorithms?: string[]): Promise<JWTPayload> {
  const now = context.clock.now();
  try {
    const { payload } = await jwtVerify(token, keys, { currentDate: new Date(now), clockTolerance: 0, ...(algorithms ? { algorithms } : {}) });
    return payload;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED') return refuseLogin(loginMessages.expired(epochSeconds(now), Number(decodeJwt(token).exp)));
    return refuseLogin(loginMessages.signature);
  }
}

/** A key lookup by `kid` among known keys; an unknown kid is a signature that cannot be verified. */
export const keyById =
  <Key>(keys: ReadonlyMap<string, Key>) =>
  (header: { kid?: string | undefined }): Key =>
    keys.get(header.kid ?? '') ?? refuseLogin(loginMessages.signature);
