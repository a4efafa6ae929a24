import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { epochSeconds } from '../clock.js';
import { identityIssuer } from '../identitypool/openid-token.js';
import type { IdentityPool } from '../identitypool/settings.js';
import { identityTokenAlgorithm } from '../identitypool/signing-keys.js';
import type { Context } from '../userpool/context.js';
import { stsFail } from './errors.js';

export interface WebIdentity {
  pool: IdentityPool;
  identityId: string;
  authenticated: boolean;
  /** The token's `amr`, kept with the credentials it is exchanged for. */
  amr: string[];
  issuer: string;
}

const invalidToken = (message: string): never => stsFail('InvalidIdentityToken', message);

/** A token from GetOpenIdToken or GetOpenIdTokenForDeveloperIdentity: our issuer, our key, in date, for a pool we have. */
export async function verifyWebIdentityToken(context: Context, token: string): Promise<WebIdentity> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    return invalidToken('The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
  const issuer = identityIssuer(context);
  if (unverified.iss !== issuer) return invalidToken(`No OpenIDConnect provider found in your account for ${String(unverified.iss)}`);

  const { verifying } = await context.identity.keys.current();
  const now = context.clock.now();
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, (header) => verifying.get(header.kid ?? '') ?? invalidToken('The token signature could not be verified.'), {
      currentDate: new Date(now),
      clockTolerance: 0,
      algorithms: [identityTokenAlgorithm],
      issuer,
    }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED') {
      return stsFail('ExpiredTokenException', `Token expired: current date/time ${epochSeconds(now)} must be before the expiration date/time ${String(unverified.exp)}`);
    }
    return invalidToken('The token signature could not be verified.');
  }

  const pool = typeof claims.aud === 'string' ? await context.identity.pools.get(claims.aud) : undefined;
  if (!pool) return invalidToken('Incorrect token audience');
  if (typeof claims.sub !== 'string') return invalidToken('The token is missing the sub claim.');
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((method): method is string => typeof method === 'string') : [];
  return { pool, identityId: claims.sub, authenticated: amr.includes('authenticated'), amr, issuer };
}
