import { fail, messages } from '../../errors.js';
import { noClient } from '../../hooks/event.js';
import { postConfirmation } from '../../hooks/post-confirmation.js';
import { deleteUserData, userStore, type User } from '../../store/users.js';
import type { Context } from '../context.js';
import { revokeUserGrants } from '../grants.js';
import type { UserPoolSettings } from '../pool.js';
import { loadUserMfa, mfaSettingsOf } from '../mfa/factors.js';
import { resolvePool } from '../pools.js';
import { findUserForSignIn } from '../users.js';
import { adminGetUserResponse } from './user-type.js';

export interface AdminUserRequest {
  UserPoolId: string;
  Username: string;
}

export interface PoolAndUser {
  pool: UserPoolSettings;
  user: User;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pool and the user an admin request names: by username, a sign-in alias, or the user's `sub`. */
export async function adminUser(context: Context, request: AdminUserRequest): Promise<PoolAndUser> {
  const pool = await resolvePool(context, request.UserPoolId);
  const user =
    (await findUserForSignIn(context, pool, request.Username)) ??
    (uuidPattern.test(request.Username) ? await userStore.bySub(context.db, pool.Id, request.Username.toLowerCase()) : undefined);
  return user ? { pool, user } : fail('UserNotFoundException', messages.userDoesNotExist);
}

export async function adminGetUser(context: Context, request: AdminUserRequest) {
  const { user } = await adminUser(context, request);
  return { ...adminGetUserResponse(user), ...mfaSettingsOf(await loadUserMfa(context.db, user)) };
}

/** AdminDeleteUser: the user, its memberships and codes go, and its sessions end. */
export async function adminDeleteUser(context: Context, request: AdminUserRequest): Promise<void> {
  const { user } = await adminUser(context, request);
  await context.db.transaction().execute((tx) => deleteUserData(tx, user));
  await revokeUserGrants(context, user.poolId, user.sub);
}

/** AdminConfirmSignUp: confirms without a code. Attributes stay unverified, as in Cognito. */
export async function adminConfirmSignUp(context: Context, request: AdminUserRequest & { ClientMetadata?: Record<string, string> | undefined }): Promise<void> {
  const { pool, user } = await adminUser(context, request);
  if (user.status !== 'UNCONFIRMED') fail('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
  const changes = { status: 'CONFIRMED' as const, updatedAt: context.clock.now() };
  await userStore.update(context.db, user, changes);
  await context.db.deleteFrom('codes').where('pool_id', '=', user.poolId).where('sub', '=', user.sub).where('purpose', '=', 'sign-up').execute();
  await postConfirmation(context, pool, { source: 'PostConfirmation_ConfirmSignUp', clientId: noClient, user: { ...user, ...changes }, clientMetadata: request.ClientMetadata });
}

/** AdminDisableUser: no more sign-ins, and every session of the user ends now. */
export async function adminDisableUser(context: Context, request: AdminUserRequest): Promise<void> {
  const { user } = await adminUser(context, request);
  await userStore.update(context.db, user, { enabled: false, updatedAt: context.clock.now() });
  await revokeUserGrants(context, user.poolId, user.sub);
}

export async function adminEnableUser(context: Context, request: AdminUserRequest): Promise<void> {
  const { user } = await adminUser(context, request);
  await userStore.update(context.db, user, { enabled: true, updatedAt: context.clock.now() });
}

/** AdminUserGlobalSignOut: every refresh token of the user ends, and the access tokens they produced. */
export async function adminUserGlobalSignOut(context: Context, request: AdminUserRequest): Promise<void> {
  const { user } = await adminUser(context, request);
  await revokeUserGrants(context, user.poolId, user.sub);
}
