import { fail } from '../../errors.js';
import { userStore } from '../../store/users.js';
import { issueCode } from '../codes.js';
import type { Context } from '../context.js';
import { revokeUserGrants } from '../grants.js';
import { assertPasswordPolicy } from '../password-policy.js';
import { recoveryTarget } from '../recovery-target.js';
import { sendVerificationCode } from '../send-code.js';
import { passwordColumns } from '../users.js';
import { adminUser, type AdminUserRequest } from './users.js';

/** AdminSetUserPassword: a permanent password confirms the user; a temporary one must be changed at sign-in. */
export async function adminSetUserPassword(context: Context, request: AdminUserRequest & { Password: string; Permanent?: boolean | undefined }): Promise<void> {
  const { pool, user } = await adminUser(context, request);
  assertPasswordPolicy(pool.Policies.PasswordPolicy, request.Password, 'change');
  await userStore.update(context.db, user, {
    ...(await passwordColumns(context, pool, user.username, user.sub, request.Password)),
    status: request.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
    failedSignIns: 0,
    lockedUntil: null,
    updatedAt: context.clock.now(),
  });
  // A reset in progress is settled by the new password.
  await context.db.deleteFrom('codes').where('pool_id', '=', user.poolId).where('sub', '=', user.sub).where('purpose', '=', 'forgot-password').execute();
}

/**
 * AdminResetUserPassword: the user must reset the password with a code (ConfirmForgotPassword),
 * sent the way the pool's account recovery says; until then sign-in answers
 * PasswordResetRequiredException and the user's sessions are over.
 */
export async function adminResetUserPassword(context: Context, request: AdminUserRequest): Promise<void> {
  const { pool, user } = await adminUser(context, request);
  if (user.status === 'FORCE_CHANGE_PASSWORD') fail('NotAuthorizedException', 'User password cannot be reset in the current state.');
  const target = recoveryTarget(pool, user);
  if (target === 'admin_only') return fail('NotAuthorizedException', 'User password cannot be reset in the current state.');
  if (!target) return fail('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');
  await userStore.update(context.db, user, { status: 'RESET_REQUIRED', updatedAt: context.clock.now() });
  await revokeUserGrants(context, user.poolId, user.sub);
  const code = await issueCode(context, user, 'forgot-password');
  await sendVerificationCode(context, pool, user, target.attribute, target.destination, code);
}
