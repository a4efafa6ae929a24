import { issuerOf, type Context } from '../../userpool/context.js';
import { regionOf } from '../../userpool/pool.js';
import { withoutScheme } from '../issuer-url.js';
import type { IdentityPool } from '../settings.js';
import { decodeLoginToken, keyById, loginMessages, refuseLogin, verifyLoginToken } from './login-token.js';
import type { VerifiedLogin } from './verified-login.js';

const amazonProviderName = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;
const userPoolIdPattern = /^[\w-]+_[0-9a-zA-Z]+$/;

/**
 * The user pool a provider name designates: Cognito's `cognito-idp.<region>.amazonaws.com/<pool>`, or
 * the ID token's issuer without its scheme (what Amplify sends, e.g. `127.0.0.1:9245/us-east-1_Abc`).
 */
export function userPoolIdOfProvider(context: Context, name: string): string | undefined {
  const amazon = amazonProviderName.exec(name);
  if (amazon) return amazon[1];
  const prefix = `${withoutScheme(context.publicUrl)}/`;
  const rest = name.startsWith(prefix) ? name.slice(prefix.length) : '';
  return userPoolIdPattern.test(rest) ? rest : undefined;
}

/** Whichever form the client used, a user pool's logins are recorded under Cognito's name for it. */
export const userPoolProviderName = (poolId: string) => `cognito-idp.${regionOf(poolId)}.amazonaws.com/${poolId}`;

/** An ID token of a user pool the identity pool lists, issued to one of the listed app clients. */
export async function verifyUserPoolLogin(context: Context, pool: IdentityPool, key: string, userPoolId: string, token: string): Promise<VerifiedLogin> {
  const listed = (pool.CognitoIdentityProviders ?? []).filter((entry) => entry.ProviderName && userPoolIdOfProvider(context, entry.ProviderName) === userPoolId);
  if (listed.length === 0) refuseLogin(loginMessages.unsupportedProvider);
  if (decodeLoginToken(token).iss !== issuerOf(context, userPoolId)) refuseLogin(loginMessages.issuerMismatch);
  // Keys are created for a pool on first use: a deleted pool must not get new ones.
  if (!(await context.pools.getPool(userPoolId))) refuseLogin(loginMessages.signature);
  const keys = await context.keys.forPool(userPoolId);
  const claims = await verifyLoginToken(context, token, keyById(keys.verifying), ['RS256']);
  const audience = typeof claims.aud === 'string' ? claims.aud : refuseLogin(loginMessages.missingClaim('aud'));
  if (claims.token_use !== 'id' || typeof claims.sub !== 'string') refuseLogin(loginMessages.notOpenIdToken);
  if (!listed.some((entry) => entry.ClientId === undefined || entry.ClientId === audience)) refuseLogin(loginMessages.unsupportedProvider);
  const provider = userPoolProviderName(userPoolId);
  const names = new Set([key, provider, ...listed.map((entry) => entry.ProviderName!)]);
  return { key, provider, subject: claims.sub as string, claims, mappingNames: [...names].map((name) => `${name}:${audience}`) };
}
