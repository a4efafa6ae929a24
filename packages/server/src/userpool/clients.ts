import { constantTimeEqual, secretHash } from '../crypto/hashes.js';
import { fail, messages } from '../errors.js';
import type { UserPoolClient } from './client.js';
import type { Context } from './context.js';
import type { UserPoolSettings } from './pool.js';

export interface ClientAndPool {
  client: UserPoolClient;
  pool: UserPoolSettings;
}

/** The app client a public operation names, and its pool. */
export async function resolveClient(context: Context, clientId: string): Promise<ClientAndPool> {
  const client = await context.pools.getClient(clientId);
  const pool = client && (await context.pools.getPool(client.UserPoolId));
  if (!client || !pool) return fail('ResourceNotFoundException', messages.clientNotFound(clientId));
  return { client, pool };
}

/** Confidential clients prove their secret with HMAC(secret, username + clientId) (reference §2.0). */
export function assertSecretHash(client: UserPoolClient, usernames: string[], presented: string | undefined): void {
  if (!client.ClientSecret) return;
  const valid =
    presented !== undefined && usernames.some((username) => constantTimeEqual(secretHash(client.ClientSecret!, username, client.ClientId), presented));
  if (!valid) fail('NotAuthorizedException', messages.secretHash(client.ClientId));
}

/** GetTokensFromRefreshToken and RevokeToken carry the secret itself. */
export function assertClientSecret(client: UserPoolClient, presented: string | undefined): void {
  if (!client.ClientSecret) return;
  if (presented === undefined || !constantTimeEqual(client.ClientSecret, presented)) {
    fail('NotAuthorizedException', messages.secretHash(client.ClientId));
  }
}
