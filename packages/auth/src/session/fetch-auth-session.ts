import type { AuthContext } from '../core/context.js';
import { getTokens } from '../tokens/get-tokens.js';
import type { AuthSession, FetchAuthSessionOptions } from '../types.js';

/**
 * The current session: ID and access tokens with their decoded payloads, and the user's `sub`.
 * Tokens that expire within 5 seconds (by the server's clock, as measured at sign-in) are refreshed
 * first, once however many callers ask at the same time.
 *
 * @example
 * const { tokens } = await fetchAuthSession();
 * fetch(api, { headers: { authorization: `Bearer ${tokens?.accessToken}` } });
 */
export async function fetchAuthSession(ctx: AuthContext, options: FetchAuthSessionOptions = {}): Promise<AuthSession> {
  const tokens = await getTokens(ctx, options.forceRefresh);
  if (!tokens) return { tokens: undefined, credentials: undefined, identityId: undefined, userSub: undefined };
  const { accessToken, idToken, signInDetails } = tokens;
  return {
    tokens: { accessToken, idToken, signInDetails },
    credentials: undefined,
    identityId: undefined,
    userSub: accessToken.payload.sub,
  };
}
