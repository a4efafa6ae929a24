import { fail, messages } from '../../errors.js';
import type { User } from '../../store/users.js';
import type { UserPoolClient } from '../client.js';
import type { Context } from '../context.js';
import { createGrant } from '../grants.js';
import { signTokens } from '../tokens.js';
import type { AuthResult } from './result.js';

/** Refusals that depend on the account's state, checked once the password is proven (Cognito's order). */
export function assertAccountCanSignIn(user: User): void {
  if (user.status === 'UNCONFIRMED') fail('UserNotConfirmedException', messages.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED') fail('PasswordResetRequiredException', messages.passwordResetRequired);
}

/** The first factor is proven: the next step is the next challenge or, as here, the tokens. */
export async function completeSignIn(context: Context, client: UserPoolClient, user: User): Promise<AuthResult> {
  assertAccountCanSignIn(user);
  const grant = await createGrant(context, client, user.sub);
  const tokens = await signTokens(context, client, user, grant);
  return { ChallengeParameters: {}, AuthenticationResult: { ...tokens, RefreshToken: grant.refreshToken } };
}

export function assertEnabled(user: User): void {
  if (!user.enabled) fail('NotAuthorizedException', messages.userDisabled);
}
