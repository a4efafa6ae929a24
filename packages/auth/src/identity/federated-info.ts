import type { AuthContext } from '../core/context.js';
import type { FederatedInfo, FederatedProvider } from '../types.js';
import type { Logins } from './identity-pool.js';

// Where Amplify's Auth kept the federated sign-in first, and where apps read it: Cache.getItem('federatedInfo').
const federatedInfoKey = 'federatedInfo';

export const loadFederatedInfo = async (ctx: AuthContext): Promise<FederatedInfo | null> => (await ctx.cache.getItem(federatedInfoKey)) ?? null;

/** Kept until signOut, whatever the token's expiry (a refresh handler may renew it): the highest priority, no expiry. */
export const storeFederatedInfo = (ctx: AuthContext, info: FederatedInfo): Promise<void> =>
  ctx.cache.setItem(federatedInfoKey, info, { priority: 1, expires: Number.MAX_SAFE_INTEGER });

export const clearFederatedInfo = (ctx: AuthContext): Promise<void> => ctx.cache.removeItem(federatedInfoKey);

/** Milliseconds since the epoch; a value under 10^12 (before September 2001 in ms) is taken as seconds, a JWT's `exp`. */
export const expiresAtMs = (expiresAt: number): number => (expiresAt < 1e12 ? expiresAt * 1000 : expiresAt);

// Amplify v5's names for the providers it knew; the developer provider's tokens come from
// GetOpenIdTokenForDeveloperIdentity and log in as Cognito's own (reference §5.2).
const providerDomains: Record<string, string> = {
  google: 'accounts.google.com',
  facebook: 'graph.facebook.com',
  amazon: 'www.amazon.com',
  developer: 'cognito-identity.amazonaws.com',
};

/** The Logins of a federated token: under the provider's domain, an OpenID Connect issuer without its scheme. */
export const federatedLogins = (provider: FederatedProvider, token: string): Logins => ({
  [Object.hasOwn(providerDomains, provider) ? providerDomains[provider]! : provider.replace(/^\w+:\/\//, '')]: token,
});
