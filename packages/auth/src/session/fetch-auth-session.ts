import type { AuthContext } from '../core/context.js';
import { sessionCredentials } from '../identity/session-credentials.js';
import { getTokens } from '../tokens/get-tokens.js';
import type { AuthSession, FetchAuthSessionOptions } from '../types.js';

/**
 * The current session: ID and access tokens with their decoded payloads, the user's `sub`, and, with
 * an identity pool, the identity id and AWS credentials (the signed-in or federated user's, or a
 * guest's when `allowGuestAccess`). Tokens that expire within 5 seconds (by the server's clock, as
 * measured at sign-in) are refreshed first; credentials are reused for 50 minutes or until 5 minutes
 * before they expire, whichever is sooner. One refresh and one credentials request are in flight
 * however many callers ask at the same time; `forceRefresh` renews both.
 *
 * @example
 * const { tokens, credentials, identityId } = await fetchAuthSession();
 * fetch(api, { headers: { authorization: `Bearer ${tokens?.accessToken}` } });
 */
export async function fetchAuthSession(ctx: AuthContext, options: FetchAuthSessionOptions = {}): Promise<AuthSession> {
  const tokens = await getTokens(ctx, options.forceRefresh);
  const identity = await sessionCredentials(ctx, tokens, options.forceRefresh);
  return {
    tokens: tokens ? { accessToken: tokens.accessToken, idToken: tokens.idToken, signInDetails: tokens.signInDetails } : undefined,
    credentials: identity?.credentials,
    identityId: identity?.identityId,
    userSub: tokens?.accessToken.payload.sub,
  };
}
