import type { AuthContext } from '../core/context.js';
import { AuthError, isAuthError } from '../errors.js';
import type { FederatedInfo, FederatedProvider } from '../types.js';
import { cachedCredentials, loginsKey } from './credentials-cache.js';
import { clearFederatedInfo, expiresAtMs, federatedLogins, storeFederatedInfo } from './federated-info.js';
import { getCredentialsForIdentity, getId, type IdentityCredentials } from './identity-pool.js';

/** A token this close to expiry may expire on its way to the pool, or by the pool's clock: renew it first. */
const renewTokenBeforeMs = 60_000;

/** Credentials for a federated token: GetId with its logins unless the identity is known. */
export async function credentialsForFederatedToken(
  ctx: AuthContext,
  { provider, token, identity_id }: { provider: FederatedProvider; token: string; identity_id?: string | undefined },
): Promise<IdentityCredentials> {
  const logins = federatedLogins(provider, token);
  return getCredentialsForIdentity(ctx, identity_id || (await getId(ctx, logins)), logins);
}

/**
 * The federated user's credentials, cached as any others. When they must be fetched and the token
 * has expired (or is about to), the provider's refresh handler gets a new one first, which is kept.
 */
export function federatedCredentials(ctx: AuthContext, info: FederatedInfo, forceRefresh: boolean): Promise<IdentityCredentials> {
  return cachedCredentials(ctx, loginsKey(federatedLogins(info.provider, info.token)), forceRefresh, async () => {
    const current = info.expires_at - renewTokenBeforeMs > ctx.now() ? info : await renewedToken(ctx, info);
    const value = await credentialsForFederatedToken(ctx, current);
    if (current !== info || value.identityId !== info.identity_id) {
      await storeFederatedInfo(ctx, { ...current, identity_id: value.identityId, user: { ...current.user, id: value.identityId } });
    }
    return { key: loginsKey(federatedLogins(current.provider, current.token)), value };
  });
}

/**
 * A new token from the provider's refresh handler. As in Amplify v5, without a handler, or when it
 * fails other than by the network, the federated sign-in ends.
 */
async function renewedToken(ctx: AuthContext, info: FederatedInfo): Promise<FederatedInfo> {
  const handler = ctx.refreshHandlers[info.provider];
  if (!handler) return endFederation(ctx, info, `there is no refresh handler for ${info.provider}`);
  try {
    const { token, expires_at, identity_id } = await handler();
    return { ...info, token, expires_at: expiresAtMs(expires_at), identity_id: identity_id ?? info.identity_id };
  } catch (error) {
    // fetch rejects with a TypeError when the network fails: the token may be renewed next time.
    if (isAuthError(error, 'NetworkError') || error instanceof TypeError) throw error;
    return endFederation(ctx, info, 'its refresh handler failed', error);
  }
}

async function endFederation(ctx: AuthContext, info: FederatedInfo, reason: string, underlyingError?: unknown): Promise<never> {
  await clearFederatedInfo(ctx);
  throw new AuthError({
    name: 'FederatedTokenExpiredException',
    message: `The ${info.provider} token has expired and ${reason}.`,
    recoverySuggestion: 'Call federatedSignIn with a new token, or configure({ refreshHandlers }) for this provider.',
    underlyingError,
  });
}
