import { fail, messages } from '../errors.js';
import { userStore, type User } from '../store/users.js';
import type { Context } from './context.js';
import type { UserPoolSettings } from './pool.js';
import { verifyAccessToken, type VerifiedAccessToken } from './tokens.js';

export interface TokenUser {
  token: VerifiedAccessToken;
  user: User;
  pool: UserPoolSettings;
}

/** The user an access token belongs to, for the self-service operations. */
export async function userForAccessToken(context: Context, accessToken: string): Promise<TokenUser> {
  const token = await verifyAccessToken(context, accessToken);
  const [found, pool] = await Promise.all([userStore.byGrant(context.db, token.originJti), context.pools.getPool(token.poolId)]);
  if (!found || found.revokedAt !== null) return fail('NotAuthorizedException', messages.accessTokenRevoked);
  const { user } = found;
  if (!user || !pool) return fail('UserNotFoundException', messages.userDoesNotExist);
  if (!user.enabled) return fail('NotAuthorizedException', messages.userDisabled);
  if (user.status === 'RESET_REQUIRED') return fail('PasswordResetRequiredException', messages.passwordResetRequired);
  return { token, user, pool };
}
