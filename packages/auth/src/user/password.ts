import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { assert } from '../errors.js';
import { codeDeliveryDetails, type CodeDeliveryDetailsType } from '../sign-up/delivery.js';
import type { ClientMetadata, ResetPasswordOutput } from '../types.js';
import { callAsUser } from './access-token.js';

/** Changes the signed-in user's password; the current one is required. */
export async function updatePassword(ctx: AuthContext, input: { oldPassword: string; newPassword: string }): Promise<void> {
  const message = 'oldPassword and newPassword are required to changePassword';
  assert(input.oldPassword, 'EmptyUpdatePassword', message);
  assert(input.newPassword, 'EmptyUpdatePassword', message);
  await callAsUser(ctx, 'ChangePassword', { PreviousPassword: input.oldPassword, ProposedPassword: input.newPassword });
}

/**
 * Starts a password reset: a code goes to the user's verified email or phone.
 *
 * @example
 * const { nextStep } = await resetPassword({ username });  // CONFIRM_RESET_PASSWORD_WITH_CODE
 */
export async function resetPassword(ctx: AuthContext, input: { username: string; options?: { clientMetadata?: ClientMetadata } }): Promise<ResetPasswordOutput> {
  assert(input.username, 'EmptyResetPasswordUsername', 'username is required to resetPassword');
  const { CodeDeliveryDetails } = await callUserPool<{ CodeDeliveryDetails?: CodeDeliveryDetailsType }>(ctx, 'ForgotPassword', {
    ClientId: ctx.config.userPoolClientId,
    Username: input.username,
    ClientMetadata: input.options?.clientMetadata,
  });
  return { isPasswordReset: false, nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: codeDeliveryDetails(CodeDeliveryDetails) } };
}

/** Sets the new password with the code resetPassword sent. */
export async function confirmResetPassword(
  ctx: AuthContext,
  input: { username: string; newPassword: string; confirmationCode: string; options?: { clientMetadata?: ClientMetadata } },
): Promise<void> {
  assert(input.username, 'EmptyConfirmResetPasswordUsername', 'username is required to confirmResetPassword');
  assert(input.newPassword, 'EmptyConfirmResetPasswordNewPassword', 'newPassword is required to confirmResetPassword');
  assert(input.confirmationCode, 'EmptyConfirmResetPasswordConfirmationCode', 'confirmationCode is required to confirmResetPassword');
  await callUserPool(ctx, 'ConfirmForgotPassword', {
    ClientId: ctx.config.userPoolClientId,
    Username: input.username,
    ConfirmationCode: input.confirmationCode,
    Password: input.newPassword,
    ClientMetadata: input.options?.clientMetadata,
  });
}
