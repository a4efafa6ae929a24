import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { AuthError, isAuthError } from '../errors.js';
import type { AuthMFAType, AuthTOTPSetupDetails, SignInOutput } from '../types.js';
import { completeSignIn } from './complete.js';
import type { AuthResponse } from './respond.js';
import { answerDeviceSrp } from './srp-answers.js';
import { saveSignInState, type SignInState } from './state.js';
import { answerWebAuthn } from './webauthn.js';

const signInException = (message: string) => new AuthError({ name: 'SignInException', message });

/**
 * Where a sign-in goes after a server answer: a remembered device answers DEVICE_SRP_AUTH itself,
 * tokens finish it, any other challenge is kept for confirmSignIn and named as Amplify's nextStep.
 */
export async function continueSignIn(ctx: AuthContext, response: AuthResponse, state: SignInState): Promise<SignInOutput> {
  if (response.ChallengeName === 'DEVICE_SRP_AUTH') response = await answerDeviceSrp(ctx, state.username, response.Session);
  if (response.AuthenticationResult) return completeSignIn(ctx, response.AuthenticationResult, state.username, state.signInDetails);
  const next: SignInState = { ...state, challengeName: response.ChallengeName, session: response.Session };
  await saveSignInState(ctx, next);
  return nextStep(ctx, response, next);
}

const mfaTypes: Record<string, AuthMFAType> = { SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL_OTP: 'EMAIL' };
/** `MFAS_CAN_CHOOSE` / `MFAS_CAN_SETUP` are JSON arrays in a string (reference §9 #13). */
const parseMfaTypes = (json: string | undefined) => (JSON.parse(json ?? '[]') as string[]).map((type) => mfaTypes[type]).filter((t) => t !== undefined);

/** The `nextStep` for a challenge, per reference §6.4. */
async function nextStep(ctx: AuthContext, response: AuthResponse, state: SignInState): Promise<SignInOutput> {
  const params = response.ChallengeParameters ?? {};
  const codeDeliveryDetails = () => ({ deliveryMedium: params.CODE_DELIVERY_DELIVERY_MEDIUM as 'SMS' | 'EMAIL', destination: params.CODE_DELIVERY_DESTINATION });
  const step = (nextStep: SignInOutput['nextStep']): SignInOutput => ({ isSignedIn: false, nextStep });
  switch (response.ChallengeName) {
    case 'CUSTOM_CHALLENGE':
      return step({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: params });
    case 'NEW_PASSWORD_REQUIRED':
      return step({
        signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
        missingAttributes: (JSON.parse(params.requiredAttributes ?? '[]') as string[]).map((name) => name.replace('userAttributes.', '')),
      });
    case 'SELECT_MFA_TYPE':
      return step({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: parseMfaTypes(params.MFAS_CAN_CHOOSE) });
    case 'SMS_MFA':
    case 'SMS_OTP':
      return step({ signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: codeDeliveryDetails() });
    case 'EMAIL_OTP':
      return step({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: codeDeliveryDetails() });
    case 'SOFTWARE_TOKEN_MFA':
      return step({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' });
    case 'SELECT_CHALLENGE':
      return step({ signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: response.AvailableChallenges });
    case 'PASSWORD':
    case 'PASSWORD_SRP':
      return step({ signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' });
    case 'MFA_SETUP': {
      // Amplify offers TOTP and email set-up; SMS set-up it ignores (reference §9 #14).
      const offered = parseMfaTypes(params.MFAS_CAN_SETUP);
      const types = offered.filter((type) => type !== 'SMS');
      if (types.length > 1) return step({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: types });
      if (types[0] === 'EMAIL') return step({ signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' });
      if (types[0] === 'TOTP') {
        const { SecretCode, Session } = await callUserPool(ctx, 'AssociateSoftwareToken', { Session: state.session });
        await saveSignInState(ctx, { ...state, session: Session });
        return step({ signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', totpSetupDetails: totpSetupDetails(SecretCode, state.username) });
      }
      throw signInException(`Cannot initiate MFA setup from available types: ${offered}`);
    }
    case 'WEB_AUTHN': {
      const answer = await answerWebAuthn(ctx, params, state);
      if (answer.ChallengeName === 'WEB_AUTHN') throw signInException('Sequential WEB_AUTHN challenges returned from underlying service cannot be handled.');
      return continueSignIn(ctx, answer, state);
    }
  }
  throw signInException(`An error occurred during the sign in process. ${response.ChallengeName} challengeName returned by the underlying service was not addressed.`);
}

/** The shared secret and the otpauth:// URI authenticator apps scan (reference §2.4). */
export const totpSetupDetails = (sharedSecret: string, username?: string): AuthTOTPSetupDetails => ({
  sharedSecret,
  getSetupUri: (appName, accountName) => new URL(`otpauth://totp/${appName}:${accountName ?? username}?secret=${sharedSecret}&issuer=${appName}`),
});

/** Two errors are next steps, not failures (reference §2.8.5); anything else is thrown. */
export function signInResultFromError(error: unknown): SignInOutput {
  if (isAuthError(error, 'PasswordResetRequiredException')) return { isSignedIn: false, nextStep: { signInStep: 'RESET_PASSWORD' } };
  if (isAuthError(error, 'UserNotConfirmedException')) return { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } };
  if (error instanceof AuthError) throw error;
  throw new AuthError({ name: 'Unknown', message: 'An unknown error has occurred.', underlyingError: error });
}
