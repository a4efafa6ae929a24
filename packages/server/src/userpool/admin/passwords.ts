import { fail } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { issueCode } from '../codes.js';
import type { Context } from '../context.js';
import { revokeUserGrants } from '../grants.js';
import { assertPasswordPolicy } from '../password-policy.js';
import type { UserPoolSettings, VerifiedAttribute } from '../pool.js';
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

/**
 * Where a password-reset code goes: the first verified email or phone number in the order of the
 * pool's RecoveryMechanisms, the rule ForgotPassword follows; `admin_only` lets users reset nothing.
 */
export function recoveryTarget(pool: UserPoolSettings, user: Pick<User, 'attributes'>): { attribute: VerifiedAttribute; destination: string } | 'admin_only' | undefined {
  const mechanisms = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])].sort((a, b) => a.Priority - b.Priority);
  for (const { Name } of mechanisms) {
    if (Name === 'admin_only') return 'admin_only';
    const attribute: VerifiedAttribute = Name === 'verified_email' ? 'email' : 'phone_number';
    const destination = user.attributes[attribute];
    if (destination && user.attributes[`${attribute}_verified`] === 'true') return { attribute, destination };
  }
  return undefined;
}
