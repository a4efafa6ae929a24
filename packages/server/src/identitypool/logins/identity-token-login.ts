import type { Context } from '../../userpool/context.js';
import { identityIssuer } from '../openid-token.js';
import type { IdentityPool } from '../settings.js';
import { identityTokenAlgorithm } from '../signing-keys.js';
import { decodeLoginToken, keyById, loginMessages, refuseLogin, verifyLoginToken } from './login-token.js';
import type { IdentityProof } from './verified-login.js';

/** A token from GetOpenIdToken or GetOpenIdTokenForDeveloperIdentity of this pool: the identity it names is the caller's. */
export async function verifyIdentityTokenLogin(context: Context, pool: IdentityPool, key: string, token: string): Promise<IdentityProof> {
  if (decodeLoginToken(token).iss !== identityIssuer(context)) refuseLogin(loginMessages.issuerMismatch);
  const keys = await context.identity.keys.current();
  const claims = await verifyLoginToken(context, token, keyById(keys.verifying), [identityTokenAlgorithm]);
  if (claims.aud !== pool.IdentityPoolId) refuseLogin(loginMessages.audience);
  const identityId = typeof claims.sub === 'string' ? claims.sub : refuseLogin(loginMessages.missingClaim('sub'));
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return { key, identityId, authenticated: amr.includes('authenticated') };
}
