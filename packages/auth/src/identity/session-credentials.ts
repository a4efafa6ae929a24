import type { AuthContext } from '../core/context.js';
import type { CognitoAuthTokens } from '../tokens/token-store.js';
import { federatedCredentials } from './federated-credentials.js';
import { loadFederatedInfo } from './federated-info.js';
import type { IdentityCredentials } from './identity-pool.js';
import { guestCredentials, userPoolCredentials } from './pool-credentials.js';

/**
 * The identity and credentials of whoever is there: the user-pool user, else the federated user,
 * else a guest when the pool allows guests (Amplify's `allowGuestAccess`). Undefined without an
 * identity pool, or for nobody when guests are not allowed.
 */
export async function sessionCredentials(ctx: AuthContext, tokens: CognitoAuthTokens | null, forceRefresh = false): Promise<IdentityCredentials | undefined> {
  if (!ctx.config.identityPoolId) return undefined;
  if (tokens) return userPoolCredentials(ctx, tokens, forceRefresh);
  const federated = await loadFederatedInfo(ctx);
  if (federated) return federatedCredentials(ctx, federated, forceRefresh);
  return ctx.config.allowGuestAccess ? guestCredentials(ctx, forceRefresh) : undefined;
}
