import type { AuthContext } from '../core/context.js';
import { AuthError, assert } from '../errors.js';
import { userFromTokens } from '../session/current-user.js';
import { createSrpSecret } from '../srp/srp.js';
import { getTokens } from '../tokens/get-tokens.js';
import { loadDeviceMetadata } from '../tokens/token-store.js';
import type { AuthFlowType, SignInInput, SignInOutput } from '../types.js';
import { continueSignIn, signInResultFromError } from './continue.js';
import { initiateAuth, type AuthResponse } from './respond.js';
import { answerPasswordVerifier } from './srp-answers.js';
import { clearSignInState } from './state.js';

/**
 * Signs a user in with the flow `options.authFlowType` names (USER_SRP_AUTH by default). The
 * result's `nextStep` says what confirmSignIn needs next, as in Amplify v6.
 *
 * @example
 * const { isSignedIn, nextStep } = await signIn({ username: 'ada@example.com', password });
 * if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') await confirmSignIn({ challengeResponse: code });
 */
export const signIn = (ctx: AuthContext, input: SignInInput): Promise<SignInOutput> => startSignIn(ctx, input);

/** signIn; autoSignIn passes the ConfirmSignUp session, which USER_AUTH accepts as the first factor. */
export async function startSignIn(ctx: AuthContext, input: SignInInput, session?: string): Promise<SignInOutput> {
  ctx.autoSignIn = undefined;
  await assertSignedOut(ctx);
  const { username, options = {} } = input;
  assert(username, 'EmptySignInUsername', 'username is required to signIn');
  const authFlowType: AuthFlowType = options.authFlowType ?? 'USER_SRP_AUTH';
  const signInDetails = { loginId: username, authFlowType };
  try {
    const { response, activeUsername } = await initiate(ctx, authFlowType, input, session);
    return await continueSignIn(ctx, response, { username: activeUsername, signInDetails });
  } catch (error) {
    await clearSignInState(ctx);
    ctx.autoSignIn = undefined;
    return signInResultFromError(error);
  }
}

async function assertSignedOut(ctx: AuthContext): Promise<void> {
  const tokens = await getTokens(ctx).catch(() => null);
  const user = tokens && userFromTokens(tokens);
  if (user?.userId && user.username) {
    throw new AuthError({
      name: 'UserAlreadyAuthenticatedException',
      message: 'There is already a signed in user.',
      recoverySuggestion: 'Call signOut before calling signIn again.',
    });
  }
}

const requirePassword = (password: string | undefined): string => {
  assert(password, 'EmptySignInPassword', 'password is required to signIn');
  return password;
};

/** The first request of each flow (reference §2.8.1), and the username the flow continues under. */
async function initiate(ctx: AuthContext, flow: AuthFlowType, { username, password, options = {} }: SignInInput, session?: string) {
  const { clientMetadata } = options;
  let response: AuthResponse;
  let activeUsername = username;
  const srp = async (authFlow: string, extra: Record<string, string>) => {
    const knownPassword = requirePassword(password);
    const secret = createSrpSecret();
    const challenge = await initiateAuth(ctx, authFlow, { USERNAME: username, SRP_A: secret.A.toString(16), ...extra }, clientMetadata, session);
    activeUsername = challenge.ChallengeParameters?.USERNAME ?? username;
    return challenge.ChallengeName === 'PASSWORD_VERIFIER' ? answerPasswordVerifier(ctx, challenge, secret, knownPassword, clientMetadata) : challenge;
  };
  const deviceKey = async () => (await loadDeviceMetadata(ctx, username))?.deviceKey;
  switch (flow) {
    case 'USER_PASSWORD_AUTH': {
      response = await initiateAuth(ctx, flow, { USERNAME: username, PASSWORD: requirePassword(password), DEVICE_KEY: await deviceKey() }, clientMetadata);
      const params = response.ChallengeParameters;
      activeUsername = params?.USERNAME ?? params?.USER_ID_FOR_SRP ?? username;
      break;
    }
    case 'CUSTOM_WITHOUT_SRP':
      assert(!password, 'CustomAuthSignInPassword', 'A password is not needed when signing in with CUSTOM_WITHOUT_SRP', 'Do not include a password in your signIn call.');
      response = await initiateAuth(ctx, 'CUSTOM_AUTH', { USERNAME: username, DEVICE_KEY: await deviceKey() }, clientMetadata);
      activeUsername = response.ChallengeParameters?.USERNAME ?? username;
      break;
    case 'CUSTOM_WITH_SRP':
      response = await srp('CUSTOM_AUTH', { CHALLENGE_NAME: 'SRP_A' });
      break;
    case 'USER_AUTH': {
      const preferred = options.preferredChallenge ?? ctx.config.passwordless?.preferredChallenge;
      const passwordless = ctx.config.passwordless;
      // As Amplify: checked against the config's passwordless flags only when the config has them.
      if (passwordless && preferred) {
        const enabled = { EMAIL_OTP: passwordless.emailOtpEnabled, SMS_OTP: passwordless.smsOtpEnabled, WEB_AUTHN: passwordless.webAuthn } as Record<string, unknown>;
        assert(
          !(preferred in enabled) || enabled[preferred],
          'InvalidPreferredChallenge',
          'The preferred challenge is not enabled in your backend configuration',
          'Ensure the authentication method is enabled in your Amplify backend configuration',
        );
      }
      if (preferred === 'PASSWORD_SRP') {
        response = await srp('USER_AUTH', { PREFERRED_CHALLENGE: preferred });
        break;
      }
      const parameters: Record<string, string | undefined> = { USERNAME: username, PREFERRED_CHALLENGE: preferred };
      if (preferred === 'PASSWORD') parameters.PASSWORD = requirePassword(password);
      response = await initiateAuth(ctx, 'USER_AUTH', parameters, clientMetadata, session);
      break;
    }
    default:
      response = await srp('USER_SRP_AUTH', {});
  }
  return { response, activeUsername };
}
