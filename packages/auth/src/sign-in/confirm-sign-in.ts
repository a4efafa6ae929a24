import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { AuthError, assert } from '../errors.js';
import { createSrpSecret } from '../srp/srp.js';
import { loadDeviceMetadata } from '../tokens/token-store.js';
import type { ConfirmSignInInput, ConfirmSignInOutput } from '../types.js';
import { continueSignIn, signInResultFromError } from './continue.js';
import { respondToChallenge, retryWithoutDevice, type AuthResponse } from './respond.js';
import { answerPasswordVerifier } from './srp-answers.js';
import { loadSignInState, saveSignInState, type SignInState } from './state.js';

/**
 * Answers the challenge signIn (or a previous confirmSignIn) stopped at: a code, a new password,
 * an MFA choice, a first factor, a custom answer. Works after a page reload within the session.
 *
 * @example
 * await confirmSignIn({ challengeResponse: '123456' });
 */
export async function confirmSignIn(ctx: AuthContext, input: ConfirmSignInInput): Promise<ConfirmSignInOutput> {
  const { challengeResponse, options = {} } = input;
  const state = await loadSignInState(ctx);
  assert(challengeResponse, 'EmptyChallengeResponse', 'challengeResponse is required to confirmSignIn');
  if (!state?.challengeName || !state.session) {
    throw new AuthError({
      name: 'SignInException',
      message:
        'An error occurred during the sign in process. This most likely occurred due to: 1. signIn was not called before confirmSignIn. ' +
        '2. signIn threw an exception. 3. page was refreshed during the sign in flow and session has expired.',
      recoverySuggestion: 'Make sure a successful call to signIn is made before calling confirmSignIn and that the session has not expired.',
    });
  }
  try {
    const response = await answer(ctx, state, challengeResponse, options);
    return await continueSignIn(ctx, response, state);
  } catch (error) {
    return signInResultFromError(error);
  }
}

const mfaAnswers: Record<string, string> = { SMS: 'SMS_MFA', TOTP: 'SOFTWARE_TOKEN_MFA', EMAIL: 'EMAIL_OTP' };
const codeKeys: Record<string, string> = { SMS_MFA: 'SMS_MFA_CODE', SMS_OTP: 'SMS_OTP_CODE', EMAIL_OTP: 'EMAIL_OTP_CODE', SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE' };

/** The request that answers each challenge (reference §2.8.2); some steps are only local. */
async function answer(ctx: AuthContext, state: SignInState, value: string, options: NonNullable<ConfirmSignInInput['options']>): Promise<AuthResponse> {
  const { clientMetadata } = options;
  const { username, session } = state;
  const challengeName = state.challengeName!;
  const local = (response: AuthResponse): AuthResponse => ({ Session: session, ...response });
  const respond = (responses: Record<string, string | undefined>, name = challengeName, withSession = session) =>
    respondToChallenge(ctx, name, { USERNAME: username, ...responses }, withSession, clientMetadata);
  const withDevice = async (responses: Record<string, string>) =>
    retryWithoutDevice(ctx, username, async () => respond({ ...responses, DEVICE_KEY: (await loadDeviceMetadata(ctx, username))?.deviceKey }));

  switch (challengeName) {
    case 'SELECT_CHALLENGE':
    case 'WEB_AUTHN':
      // Choosing a password factor asks for the password first, without a request (reference §6.2).
      if (value === 'PASSWORD' || value === 'PASSWORD_SRP') return local({ ChallengeName: value });
      return respond({ ANSWER: value }, 'SELECT_CHALLENGE');
    case 'PASSWORD':
      return usernameFrom(state, await respond({ ANSWER: 'PASSWORD', PASSWORD: value }, 'SELECT_CHALLENGE'));
    case 'PASSWORD_SRP': {
      const secret = createSrpSecret();
      const challenge = usernameFrom(state, await respond({ ANSWER: 'PASSWORD_SRP', SRP_A: secret.A.toString(16) }, 'SELECT_CHALLENGE'));
      return challenge.ChallengeName === 'PASSWORD_VERIFIER' ? answerPasswordVerifier(ctx, challenge, secret, value, clientMetadata) : challenge;
    }
    case 'SELECT_MFA_TYPE':
      assert(
        value in mfaAnswers,
        'IncorrectMFAMethod',
        'Incorrect MFA method was chosen. It should be either SMS, TOTP, or EMAIL',
        'Try to pass SMS, TOTP, or EMAIL as the challengeResponse',
      );
      return respond({ ANSWER: mfaAnswers[value] });
    case 'MFA_SETUP':
      if (value === 'EMAIL' || value === 'TOTP') return local({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: `["${mfaAnswers[value]}"]` } });
      if (/^\d+$/.test(value)) {
        const { Session } = await callUserPool(ctx, 'VerifySoftwareToken', { UserCode: value, Session: session, FriendlyDeviceName: options.friendlyDeviceName });
        await saveSignInState(ctx, { ...state, session: Session });
        return respond({}, 'MFA_SETUP', Session);
      }
      if (value.includes('@')) return respond({ EMAIL: value });
      throw new AuthError({
        name: 'SignInException',
        message: `Cannot proceed with MFA setup using challengeResponse: ${value}`,
        recoverySuggestion: 'Try passing "EMAIL", "TOTP", a valid email, or OTP code as the challengeResponse.',
      });
    case 'NEW_PASSWORD_REQUIRED': {
      const attributes = Object.entries(options.userAttributes ?? {}).filter(([, v]) => v);
      return respond({ ...Object.fromEntries(attributes.map(([k, v]) => [`userAttributes.${k}`, v])), NEW_PASSWORD: value });
    }
    case 'CUSTOM_CHALLENGE':
      return withDevice({ ANSWER: value });
    default:
      if (codeKeys[challengeName]) return withDevice({ [codeKeys[challengeName]!]: value });
  }
  throw new AuthError({
    name: 'SignInException',
    message: `An error occurred during the sign in process. ${challengeName} challengeName returned by the underlying service was not addressed.`,
  });
}

/** After a password factor the server may name the user differently (the pool's username). */
function usernameFrom(state: SignInState, response: AuthResponse): AuthResponse {
  state.username = response.ChallengeParameters?.USERNAME ?? state.username;
  return response;
}
