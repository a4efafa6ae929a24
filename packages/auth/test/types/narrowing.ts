// Compile-time checks (test/types.test.ts runs tsc on this directory): what apps write with the
// library must type-check, and what is wrong must not.
import {
  AuthError,
  currentCredentials,
  essentialCredentials,
  federatedSignIn,
  isAuthError,
  signIn,
  type AuthErrorName,
  type AuthNextSignInStep,
  type HubType,
  type SignInOutput,
} from '../../src/index.js';

export function messageFor(error: unknown): string {
  if (!(error instanceof AuthError)) return 'unknown';
  switch (error.name) {
    case 'NotAuthorizedException':
      return 'Wrong password';
    case 'UserAlreadyAuthenticatedException':
      return error.recoverySuggestion ?? '';
    case 'NetworkError':
      return 'Offline';
    // @ts-expect-error: not an error name the library or Cognito has
    case 'NotAuthorisedException':
      return 'typo';
    default:
      return error.message;
  }
}

export function stepDetails(result: SignInOutput): string | undefined {
  const { nextStep } = result;
  switch (nextStep.signInStep) {
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
      return nextStep.totpSetupDetails.getSetupUri('App').href;
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      return nextStep.allowedMFATypes?.join();
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      return nextStep.codeDeliveryDetails?.destination;
    case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
      return nextStep.additionalInfo?.question;
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      return nextStep.missingAttributes?.join();
    case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION':
      return nextStep.availableChallenges?.join();
    case 'DONE':
      // @ts-expect-error: DONE carries no details
      return nextStep.codeDeliveryDetails;
    default:
      return undefined;
  }
}

export const everyStepHandled = (step: AuthNextSignInStep['signInStep']): boolean => step.length > 0;

export async function narrowedByGuard(): Promise<AuthErrorName | undefined> {
  try {
    await signIn({ username: 'u', password: 'p', options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
  } catch (error) {
    if (isAuthError(error)) return error.name;
  }
  // @ts-expect-error: not a flow
  await signIn({ username: 'u', options: { authFlowType: 'SMS_AUTH' } });
  return undefined;
}

export function federatedEvents(hub: HubType): () => void {
  return hub.listen('auth', ({ payload }) => {
    if (payload.event === 'signIn') console.log(payload.data.id, payload.data.token, payload.message);
    // @ts-expect-error: signedIn (v6) carries an AuthUser, not a federated user's token
    if (payload.event === 'signedIn') console.log(payload.data.token);
  });
}

export async function federatedFailure(): Promise<string> {
  try {
    return (await federatedSignIn('developer', { token: 't', expires_at: 1 })).identityId;
  } catch (error) {
    if (isAuthError(error, 'FederatedTokenExpiredException')) return error.recoverySuggestion ?? '';
    // @ts-expect-error: not an error name
    if (isAuthError(error, 'FederatedTokenExpired')) return '';
    throw error;
  }
}

export const sdkCredentials = async (): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }> => essentialCredentials(await currentCredentials());
