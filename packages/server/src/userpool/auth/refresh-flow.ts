import { fail, messages } from '../../errors.js';
import { userStore } from '../../store/users.js';
import { clientAllowsFlow } from '../client.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { redeemRefreshToken } from '../grants.js';
import { signTokens } from '../tokens.js';
import { assertEnabled } from './complete.js';
import type { AuthResult } from './result.js';

/**
 * New ID and access tokens for a refresh token (InitiateAuth REFRESH_TOKEN_AUTH and
 * GetTokensFromRefreshToken). The response carries a refresh token only when it rotated: clients
 * test for the key's presence, so it is never sent empty.
 */
export async function refreshTokens(
  context: Context,
  resolved: ClientAndPool,
  refreshToken: string,
  proveSecret: (usernames: string[]) => void,
  deviceKey?: string,
): Promise<Required<Pick<AuthResult, 'AuthenticationResult'>>> {
  const { client, pool } = resolved;
  if (!clientAllowsFlow(client, 'REFRESH_TOKEN_AUTH')) fail('NotAuthorizedException', 'Refresh Token flow not enabled for this client');
  const grant = await redeemRefreshToken(context, client, refreshToken, deviceKey);
  const user = await userStore.bySub(context.db, pool.Id, grant.sub);
  if (!user) return fail('UserNotFoundException', messages.userDoesNotExist);
  proveSecret([user.username, user.sub]);
  assertEnabled(user);
  const tokens = await signTokens(context, resolved, user, grant, 'TokenGeneration_RefreshTokens');
  return {
    AuthenticationResult: grant.rotatedRefreshToken ? { ...tokens, RefreshToken: grant.rotatedRefreshToken } : tokens,
  };
}

export const secretHashProver = (client: ClientAndPool['client'], presented: string | undefined) => (usernames: string[]) =>
  assertSecretHash(client, usernames, presented);
