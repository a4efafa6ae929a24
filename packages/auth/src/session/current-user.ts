import type { AuthContext } from '../core/context.js';
import { unauthenticated } from '../errors.js';
import { getTokens } from '../tokens/get-tokens.js';
import type { CognitoAuthTokens } from '../tokens/token-store.js';
import type { AuthUser } from '../types.js';

/** The user as Amplify reads it: from the ID token's `cognito:username` and `sub` (reference §9 #18). */
export function userFromTokens(tokens: CognitoAuthTokens): AuthUser {
  const claims = tokens.idToken?.payload ?? {};
  const user: AuthUser = { username: claims['cognito:username'] as string, userId: claims.sub as string };
  if (tokens.signInDetails) user.signInDetails = tokens.signInDetails;
  return user;
}

/**
 * The signed-in user: username, userId (`sub`) and how they signed in.
 *
 * @example
 * const { username, userId, signInDetails } = await getCurrentUser();
 */
export async function getCurrentUser(ctx: AuthContext): Promise<AuthUser> {
  const tokens = await getTokens(ctx);
  if (!tokens) throw unauthenticated();
  return userFromTokens(tokens);
}
