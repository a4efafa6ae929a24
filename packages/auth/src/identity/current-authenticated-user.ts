import type { AuthContext } from '../core/context.js';
import { unauthenticated } from '../errors.js';
import { userFromTokens } from '../session/current-user.js';
import { getTokens } from '../tokens/get-tokens.js';
import type { AuthUser, FederatedAuthenticatedUser } from '../types.js';
import { loadFederatedInfo } from './federated-info.js';

/**
 * The signed-in user, as Amplify v5's `Auth.currentAuthenticatedUser`: the user-pool user (as
 * getCurrentUser gives it), or the federated user (the object given to federatedSignIn, with `id`,
 * the identity id, and `token`).
 *
 * @example
 * const user = await currentAuthenticatedUser();
 * if ('token' in user) console.log('federated', user.id); else console.log(user.username);
 */
export async function currentAuthenticatedUser(ctx: AuthContext): Promise<AuthUser | FederatedAuthenticatedUser> {
  const tokens = await getTokens(ctx);
  if (tokens) return userFromTokens(tokens);
  const federated = await loadFederatedInfo(ctx);
  if (federated) return { ...federated.user, token: federated.token };
  throw unauthenticated();
}
