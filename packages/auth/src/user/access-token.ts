import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { unauthenticated } from '../errors.js';
import { getTokens } from '../tokens/get-tokens.js';

/** Calls an operation that the signed-in user's access token authorises, refreshing it first when due. */
export async function callAsUser<Output = Record<string, any>>(ctx: AuthContext, operation: string, input: object = {}): Promise<Output> {
  const tokens = await getTokens(ctx);
  if (!tokens) throw unauthenticated();
  return callUserPool<Output>(ctx, operation, { ...input, AccessToken: tokens.accessToken.toString() });
}
