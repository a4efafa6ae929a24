import { epochSeconds } from '../clock.js';
import { opaqueToken, sha256Hex } from '../crypto/hashes.js';
import { fail, messages } from '../errors.js';
import { tokenLifetimesSeconds, type UserPoolClient } from './client.js';
import type { Context } from './context.js';
import type { GrantInfo } from './tokens.js';

/**
 * A grant is one authentication: its `origin_jti` is in every token it yields, and revoking it ends
 * its refresh tokens and the access tokens they produced. Refresh tokens are opaque random strings
 * stored only as SHA-256 hashes.
 */
export async function createGrant(
  context: Context,
  client: UserPoolClient,
  sub: string,
  deviceKey: string | null = null,
): Promise<GrantInfo & { refreshToken: string }> {
  const now = context.clock.now();
  const originJti = context.random.uuid();
  const refreshToken = opaqueToken();
  await context.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('grants')
      .values({ origin_jti: originJti, pool_id: client.UserPoolId, client_id: client.ClientId, sub, auth_time: now, device_key: deviceKey, revoked_at: null, created_at: now })
      .execute();
    await tx.insertInto('refresh_tokens').values(refreshTokenRow(context, client, originJti, refreshToken, now)).execute();
  });
  return { originJti, authTimeSeconds: epochSeconds(now), deviceKey, refreshToken };
}

function refreshTokenRow(context: Context, client: UserPoolClient, originJti: string, token: string, now: number) {
  return {
    token_hash: sha256Hex(token),
    origin_jti: originJti,
    expires_at: now + tokenLifetimesSeconds(client).refresh * 1000,
    replaced_at: null,
    created_at: now,
  };
}

export interface RedeemedGrant extends GrantInfo {
  sub: string;
  /** A new refresh token when the client rotates them. */
  rotatedRefreshToken?: string;
}

/**
 * Exchanges a refresh token for its grant. With rotation on, the token is replaced; the replaced
 * token keeps working for RetryGracePeriodSeconds, and the replacement itself is a conditional
 * update, so of several concurrent uses outside the grace period exactly one succeeds. A token
 * issued on a device works only while the device is not forgotten, and not with another device's key.
 */
export async function redeemRefreshToken(context: Context, client: UserPoolClient, token: string, deviceKey?: string): Promise<RedeemedGrant> {
  const now = context.clock.now();
  const hash = sha256Hex(token);
  const row = await context.db
    .selectFrom('refresh_tokens')
    .innerJoin('grants', 'grants.origin_jti', 'refresh_tokens.origin_jti')
    .leftJoin('devices', 'devices.device_key', 'grants.device_key')
    .select(['refresh_tokens.expires_at', 'refresh_tokens.replaced_at', 'grants.origin_jti', 'grants.client_id', 'grants.sub', 'grants.auth_time', 'grants.device_key', 'grants.revoked_at'])
    .select('devices.device_key as kept_device_key')
    .where('refresh_tokens.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.client_id !== client.ClientId) return fail('NotAuthorizedException', messages.refreshTokenInvalid);
  if (row.revoked_at !== null) return fail('NotAuthorizedException', messages.refreshTokenRevoked);
  if (row.expires_at <= now) return fail('NotAuthorizedException', messages.refreshTokenExpired);
  if (row.device_key !== null && (row.kept_device_key === null || (deviceKey !== undefined && deviceKey !== row.device_key))) {
    return fail('NotAuthorizedException', messages.refreshTokenInvalid);
  }
  const grant: RedeemedGrant = { sub: row.sub, originJti: row.origin_jti, authTimeSeconds: epochSeconds(row.auth_time), deviceKey: row.device_key };
  if (client.RefreshTokenRotation?.Feature !== 'ENABLED') return grant;

  const graceMs = (client.RefreshTokenRotation.RetryGracePeriodSeconds ?? 0) * 1000;
  if (row.replaced_at === null) {
    const replaced = await context.db
      .updateTable('refresh_tokens')
      .set({ replaced_at: now })
      .where('token_hash', '=', hash)
      .where('replaced_at', 'is', null)
      .executeTakeFirst();
    if (replaced.numUpdatedRows === 0n && graceMs === 0) return reused();
  } else if (graceMs === 0 || now - row.replaced_at >= graceMs) {
    // Without a grace period a replaced token is spent, whatever this process's clock says of when.
    return reused();
  }
  const rotated = opaqueToken();
  await context.db.insertInto('refresh_tokens').values(refreshTokenRow(context, client, row.origin_jti, rotated, now)).execute();
  return { ...grant, rotatedRefreshToken: rotated };
}

const reused = () => fail('RefreshTokenReuseException', 'Refresh token has already been used.');

/** RevokeToken: ends the grant the refresh token belongs to. Unknown tokens are ignored, as Cognito does. */
export async function revokeRefreshToken(context: Context, client: UserPoolClient, token: string): Promise<void> {
  const row = await context.db
    .selectFrom('refresh_tokens')
    .innerJoin('grants', 'grants.origin_jti', 'refresh_tokens.origin_jti')
    .select(['grants.origin_jti', 'grants.client_id'])
    .where('refresh_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row) return;
  if (row.client_id !== client.ClientId) return fail('UnauthorizedException', 'Client is not authorized to revoke this token.');
  await context.db.updateTable('grants').set({ revoked_at: context.clock.now() }).where('origin_jti', '=', row.origin_jti).where('revoked_at', 'is', null).execute();
}

/** GlobalSignOut, disabling and deleting a user: every grant of the user ends. */
export async function revokeUserGrants(context: Context, poolId: string, sub: string): Promise<void> {
  await context.db.updateTable('grants').set({ revoked_at: context.clock.now() }).where('pool_id', '=', poolId).where('sub', '=', sub).where('revoked_at', 'is', null).execute();
}
