import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { assert } from '../errors.js';
import type { ConfirmSignUpInput, ConfirmSignUpOutput, ResendSignUpCodeInput, AuthCodeDeliveryDetails, VerifiableUserAttributeKey } from '../types.js';
import { autoSignInTtlMs } from './auto-sign-in-state.js';
import { codeDeliveryDetails, type CodeDeliveryDetailsType } from './delivery.js';

/**
 * Confirms a sign-up with the code the user received. COMPLETE_AUTO_SIGN_IN when signUp asked for
 * autoSignIn for this user: call autoSignIn() next.
 *
 * @example
 * await confirmSignUp({ username: email, confirmationCode: '123456' });
 */
export async function confirmSignUp(ctx: AuthContext, input: ConfirmSignUpInput): Promise<ConfirmSignUpOutput> {
  const { username, confirmationCode, options = {} } = input;
  assert(username, 'EmptyConfirmSignUpUsername', 'username is required to confirmSignUp');
  assert(confirmationCode, 'EmptyConfirmSignUpCode', 'code is required to confirmSignUp');
  const { Session } = await callUserPool<{ Session?: string }>(ctx, 'ConfirmSignUp', {
    ClientId: ctx.config.userPoolClientId,
    Username: username,
    ConfirmationCode: confirmationCode,
    ClientMetadata: options.clientMetadata,
    ForceAliasCreation: options.forceAliasCreation,
  });
  const pending = ctx.autoSignIn;
  if (pending?.input.username === username && ctx.now() - pending.startedAt <= autoSignInTtlMs) {
    ctx.autoSignIn = { ...pending, confirmed: true, session: Session };
    return { isSignUpComplete: true, nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' } };
  }
  ctx.autoSignIn = undefined;
  return { isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } };
}

/**
 * Sends the sign-up code again; the previous one stops working.
 *
 * @example
 * const { destination } = await resendSignUpCode({ username: email });
 */
export async function resendSignUpCode(ctx: AuthContext, input: ResendSignUpCodeInput): Promise<AuthCodeDeliveryDetails<VerifiableUserAttributeKey>> {
  assert(input.username, 'EmptyresendSignUpCodeUsername', 'username is required to confirmSignUp');
  const { CodeDeliveryDetails } = await callUserPool<{ CodeDeliveryDetails?: CodeDeliveryDetailsType }>(ctx, 'ResendConfirmationCode', {
    ClientId: ctx.config.userPoolClientId,
    Username: input.username,
    ClientMetadata: input.options?.clientMetadata,
  });
  return codeDeliveryDetails(CodeDeliveryDetails);
}
