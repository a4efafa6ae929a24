import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { assert } from '../errors.js';
import type { SignInInput, SignUpInput, SignUpOutput } from '../types.js';
import { codeDeliveryDetails, toAttributeType, type CodeDeliveryDetailsType } from './delivery.js';

/**
 * Registers a user. `nextStep.signUpStep` is CONFIRM_SIGN_UP (a code was sent), DONE, or
 * COMPLETE_AUTO_SIGN_IN when `options.autoSignIn` asked for a sign-in once confirmed.
 *
 * @example
 * const { nextStep, userId } = await signUp({ username: email, password, options: { userAttributes: { email }, autoSignIn: true } });
 */
export async function signUp(ctx: AuthContext, input: SignUpInput): Promise<SignUpOutput> {
  const { username, password, options = {} } = input;
  assert(username, 'EmptySignUpUsername', 'username is required to signUp');
  const { userAttributes, validationData, clientMetadata, autoSignIn } = options;
  const result = await callUserPool<{ UserSub: string; UserConfirmed: boolean; CodeDeliveryDetails?: CodeDeliveryDetailsType; Session?: string }>(ctx, 'SignUp', {
    ClientId: ctx.config.userPoolClientId,
    Username: username,
    Password: password || undefined,
    UserAttributes: userAttributes && toAttributeType(userAttributes),
    ValidationData: validationData && toAttributeType(validationData),
    ClientMetadata: clientMetadata,
  });
  const userId = result.UserSub;
  const details = codeDeliveryDetails(result.CodeDeliveryDetails);
  ctx.autoSignIn = undefined;
  if (autoSignIn) {
    const signInOptions = autoSignIn === true ? undefined : autoSignIn;
    const signInInput: SignInInput = { username, options: signInOptions };
    // A custom flow without SRP signs in without the password: it is not kept.
    if (signInOptions?.authFlowType !== 'CUSTOM_WITHOUT_SRP') signInInput.password = password;
    const byLink = ctx.config.signUpVerificationMethod === 'link';
    ctx.autoSignIn = { input: signInInput, startedAt: ctx.now(), confirmed: result.UserConfirmed || byLink, session: result.Session, byLink };
    if (result.UserConfirmed) return { isSignUpComplete: true, nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' }, userId };
    if (byLink) return { isSignUpComplete: false, nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN', codeDeliveryDetails: details }, userId };
  }
  if (result.UserConfirmed) return { isSignUpComplete: true, nextStep: { signUpStep: 'DONE' }, userId };
  return { isSignUpComplete: false, nextStep: { signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: details }, userId };
}
