import type { AuthContext } from '../core/context.js';
import { AuthError } from '../errors.js';
import { loadTokens } from '../tokens/token-store.js';
import type { FederatedInfo, FederatedProvider, FederatedResponse, FederatedUser, ICredentials } from '../types.js';
import { cachedCredentials, loginsKey } from './credentials-cache.js';
import { toICredentials } from './current-credentials.js';
import { credentialsForFederatedToken } from './federated-credentials.js';
import { expiresAtMs, federatedLogins, storeFederatedInfo } from './federated-info.js';
import { identityPool } from './identity-pool.js';

/**
 * Signs in with another provider's token, straight to the identity pool (Amplify v5's
 * `Auth.federatedSignIn(provider, response, user)`): gets the identity and its credentials, and keeps
 * the sign-in (`Cache.getItem('federatedInfo')`) until signOut. `provider` is 'google', 'facebook',
 * 'amazon', 'developer' (a token from GetOpenIdTokenForDeveloperIdentity) or an OpenID Connect
 * provider's domain. Hub 'auth' hears `signIn` with the user, as in v5.
 *
 * @example
 * const { exp } = decodeJWT(googleIdToken).payload;
 * await federatedSignIn('google', { token: googleIdToken, expires_at: exp! }, { name: 'Ada', email });
 * const user = await currentAuthenticatedUser(); // { name: 'Ada', email, id: identityId, token }
 */
export async function federatedSignIn(
  ctx: AuthContext,
  provider: FederatedProvider,
  { token, identity_id, expires_at }: FederatedResponse,
  user: FederatedUser = {},
): Promise<ICredentials> {
  identityPool(ctx); // InvalidIdentityPoolIdException without a usable pool id
  if (await loadTokens(ctx)) {
    throw new AuthError({
      name: 'UserAlreadyAuthenticatedException',
      message: 'There is already a signed in user.',
      recoverySuggestion: 'Call signOut before calling federatedSignIn.',
    });
  }
  const key = loginsKey(federatedLogins(provider, token));
  const value = await cachedCredentials(ctx, key, true, async () => ({ key, value: await credentialsForFederatedToken(ctx, { provider, token, identity_id }) }));
  const info: FederatedInfo = { provider, token, user: { id: value.identityId, ...user }, expires_at: expiresAtMs(expires_at), identity_id: value.identityId };
  await storeFederatedInfo(ctx, info);
  const signedIn = { ...info.user, token };
  ctx.hub.dispatch('auth', { event: 'signIn', data: signedIn, message: `A user ${user.username} has been signed in` }, 'Auth');
  return toICredentials(value);
}
