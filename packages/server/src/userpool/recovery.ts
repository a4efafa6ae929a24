import { verifyPassword } from '../crypto/password.js';
import { maskEmail, maskPhone } from '../delivery/templates.js';
import { fail, messages } from '../errors.js';
import { postConfirmation } from '../hooks/post-confirmation.js';
import { userStore, type User } from '../store/users.js';
import { userForAccessToken } from './access-token-user.js';
import { assertNotLockedOut, recordFailedSignIn } from './auth/lockout.js';
import { assertSecretHash, resolveClient } from './clients.js';
import { consumeCode, issueCode } from './codes.js';
import type { Context } from './context.js';
import { assertPasswordPolicy } from './password-policy.js';
import type { UserPoolSettings } from './pool.js';
import { recoveryTarget } from './recovery-target.js';
import { sendVerificationCode, type CodeDeliveryDetails } from './send-code.js';
import { findUserForSignIn, passwordColumns } from './users.js';

/** ChangePassword: the current password proves the caller, the new one replaces it everywhere. */
export async function changePassword(context: Context, accessToken: string, previous: string | undefined, proposed: string): Promise<void> {
  const { user, pool } = await userForAccessToken(context, accessToken);
  assertNotLockedOut(context, user);
  if (previous === undefined || !user.passwordHash || !(await verifyPassword(user.passwordHash, previous))) {
    await recordFailedSignIn(context, user);
    fail('NotAuthorizedException', messages.incorrectCredentials);
  }
  assertPasswordPolicy(pool.Policies.PasswordPolicy, proposed, 'change');
  await setPassword(context, pool, user, proposed, user.status);
}

interface RecoveryRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string | undefined;
}

/**
 * ForgotPassword: a code to the first verified channel the pool's AccountRecoverySetting allows.
 * With PreventUserExistenceErrors an unknown user gets a plausible answer and nothing is sent.
 */
export async function forgotPassword(context: Context, request: RecoveryRequest): Promise<CodeDeliveryDetails> {
  const { client, pool } = await resolveClient(context, request.ClientId);
  const user = await findUserForSignIn(context, pool, request.Username);
  assertSecretHash(client, [request.Username, ...(user ? [user.username] : [])], request.SecretHash);
  const hideExistence = client.PreventUserExistenceErrors === 'ENABLED';
  if (!user || !user.enabled) {
    if (hideExistence) return simulatedDelivery(request.Username);
    return user ? fail('NotAuthorizedException', messages.userDisabled) : fail('UserNotFoundException', messages.usernameClientNotFound);
  }
  const target = recoveryTarget(pool, user);
  if (target === 'admin_only') return fail('NotAuthorizedException', 'User password cannot be reset in the current state.');
  if (!target) {
    if (hideExistence) return simulatedDelivery(request.Username);
    return fail('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const code = await issueCode(context, user, 'forgot-password');
  return sendVerificationCode(context, pool, user, target.attribute, target.destination, code);
}

/** ConfirmForgotPassword: the code sets the new password and ends a reset or forced change. */
export async function confirmForgotPassword(
  context: Context,
  request: RecoveryRequest & { ConfirmationCode: string; Password: string; ClientMetadata?: Record<string, string> | undefined },
): Promise<void> {
  const { client, pool } = await resolveClient(context, request.ClientId);
  const user = await findUserForSignIn(context, pool, request.Username);
  assertSecretHash(client, [request.Username, ...(user ? [user.username] : [])], request.SecretHash);
  if (!user || !user.enabled) {
    if (client.PreventUserExistenceErrors === 'ENABLED') fail('CodeMismatchException', messages.codeMismatch);
    return user ? fail('NotAuthorizedException', messages.userDisabled) : fail('UserNotFoundException', messages.userDoesNotExist);
  }
  assertPasswordPolicy(pool.Policies.PasswordPolicy, request.Password, 'change');
  await consumeCode(context, user, 'forgot-password', request.ConfirmationCode);
  const status = user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD' ? 'CONFIRMED' : user.status;
  await setPassword(context, pool, user, request.Password, status);
  await postConfirmation(context, pool, { source: 'PostConfirmation_ConfirmForgotPassword', clientId: client.ClientId, user: { ...user, status }, clientMetadata: request.ClientMetadata });
}

async function setPassword(context: Context, pool: UserPoolSettings, user: User, password: string, status: User['status']): Promise<void> {
  await userStore.update(context.db, user, {
    ...(await passwordColumns(context, pool, user.username, user.sub, password)),
    status,
    failedSignIns: 0,
    lockedUntil: null,
    updatedAt: context.clock.now(),
  });
}

/** What Cognito answers for a user it will not admit exists: a destination shaped like the username. */
function simulatedDelivery(username: string): CodeDeliveryDetails {
  return username.startsWith('+')
    ? { Destination: maskPhone(username), DeliveryMedium: 'SMS', AttributeName: 'phone_number' }
    : { Destination: maskEmail(username.includes('@') ? username : `${username}@example.com`), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
