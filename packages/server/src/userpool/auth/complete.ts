import { fail, messages } from '../../errors.js';
import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { nextStepAfterPassword } from './next-step.js';
import { newPasswordChallenge } from './new-password.js';
import type { AuthResult } from './result.js';

/** Refusals that depend on the account's state, checked once the password is proven (Cognito's order). */
export function assertAccountCanSignIn(user: User): void {
  if (user.status === 'UNCONFIRMED') fail('UserNotConfirmedException', messages.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED') fail('PasswordResetRequiredException', messages.passwordResetRequired);
}

/** The first factor is proven: the next step is the next challenge or the tokens. */
export async function completeSignIn(context: Context, resolved: ClientAndPool, user: User, flow: string): Promise<AuthResult> {
  assertAccountCanSignIn(user);
  if (user.status === 'FORCE_CHANGE_PASSWORD') return newPasswordChallenge(context, resolved, user, flow);
  return nextStepAfterPassword(context, resolved, user, { flow });
}

export function assertEnabled(user: User): void {
  if (!user.enabled) fail('NotAuthorizedException', messages.userDisabled);
}
