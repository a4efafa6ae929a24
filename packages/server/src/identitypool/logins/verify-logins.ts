import type { Context } from '../../userpool/context.js';
import { isIdentityTokenKey } from '../openid-token.js';
import { oidcProviderUrlOfArn, type IdentityPool } from '../settings.js';
import { verifyIdentityTokenLogin } from './identity-token-login.js';
import { loginMessages, refuseLogin } from './login-token.js';
import { verifyOpenIdConnectLogin } from './openid-connect-login.js';
import { verifySupportedProviderLogin } from './supported-provider-login.js';
import { userPoolIdOfProvider, userPoolProviderName, verifyUserPoolLogin } from './user-pool-login.js';
import type { VerifiedLogin, VerifiedLogins } from './verified-login.js';

export interface VerifyOptions {
  /** Only in the developer flow (signed by an admin key): the developer provider's user identifier is taken as given. */
  trustDeveloperLogin?: boolean;
}

/** Checks every token of a Logins map against the providers the pool trusts; any bad one refuses the request. */
export async function verifyLogins(context: Context, pool: IdentityPool, logins: Record<string, string> | undefined, options: VerifyOptions = {}): Promise<VerifiedLogins> {
  const verified: VerifiedLogins = { linked: [], proofs: [] };
  for (const [key, token] of Object.entries(logins ?? {})) {
    if (isIdentityTokenKey(context, key)) {
      verified.proofs.push(await verifyIdentityTokenLogin(context, pool, key, token));
    } else if (options.trustDeveloperLogin && key === pool.DeveloperProviderName) {
      verified.linked.push({ key, provider: key, subject: token, claims: {}, mappingNames: [key] });
    } else {
      verified.linked.push(await verifyProviderLogin(context, pool, key, token));
    }
  }
  return verified;
}

async function verifyProviderLogin(context: Context, pool: IdentityPool, key: string, token: string): Promise<VerifiedLogin> {
  const userPoolId = userPoolIdOfProvider(context, key);
  if (userPoolId) return verifyUserPoolLogin(context, pool, key, userPoolId, token);
  if (pool.OpenIdConnectProviderARNs?.some((arn) => oidcProviderUrlOfArn(arn) === key)) {
    const provider = (await context.identity.openIdConnect.get(key)) ?? refuseLogin(loginMessages.unsupportedProvider);
    return verifyOpenIdConnectLogin(context, key, { discoveryUrl: provider.issuer, audiences: provider.clientIds }, token);
  }
  const appIds = pool.SupportedLoginProviders?.[key];
  if (appIds !== undefined) return verifySupportedProviderLogin(context, key, appIds, token);
  return refuseLogin(loginMessages.unsupportedProvider);
}

/** The name a login is recorded under, for a Logins key given without a token (LoginsToRemove). */
export function providerNameOf(context: Context, key: string): string {
  const userPoolId = userPoolIdOfProvider(context, key);
  return userPoolId ? userPoolProviderName(userPoolId) : key;
}
