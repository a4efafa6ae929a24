import type { AuthContext } from '../core/context.js';
import { AuthError, assert, unauthenticated } from '../errors.js';
import { totpSetupDetails } from '../sign-in/continue.js';
import { getTokens } from '../tokens/get-tokens.js';
import type { AuthMFAType, AuthTOTPSetupDetails, FetchMFAPreferenceOutput, MFAPreference, UpdateMFAPreferenceInput } from '../types.js';
import { callAsUser } from './access-token.js';

/**
 * Starts TOTP set-up for the signed-in user: the shared secret and the URI an authenticator scans.
 * Then verifyTOTPSetup with a code, then updateMFAPreference({ totp: 'PREFERRED' }).
 *
 * @example
 * const details = await setUpTOTP();
 * showQrCode(details.getSetupUri('MyApp').toString());
 */
export async function setUpTOTP(ctx: AuthContext): Promise<AuthTOTPSetupDetails> {
  const tokens = await getTokens(ctx);
  if (!tokens) throw unauthenticated();
  const { SecretCode } = await callAsUser<{ SecretCode?: string }>(ctx, 'AssociateSoftwareToken');
  if (!SecretCode) throw new AuthError({ name: 'SetUpTOTPException', message: 'Failed to set up TOTP.' });
  return totpSetupDetails(SecretCode, tokens.idToken?.payload['cognito:username'] as string | undefined);
}

/** Verifies the first code of the authenticator set up by setUpTOTP. */
export async function verifyTOTPSetup(ctx: AuthContext, input: { code: string; options?: { friendlyDeviceName?: string } }): Promise<void> {
  assert(input.code, 'EmptyVerifyTOTPSetupCode', 'code is required to verifyTotpSetup');
  await callAsUser(ctx, 'VerifySoftwareToken', { UserCode: input.code, FriendlyDeviceName: input.options?.friendlyDeviceName });
}

const settings = (preference?: MFAPreference) =>
  preference && { Enabled: preference !== 'DISABLED', PreferredMfa: preference === 'PREFERRED' ? true : preference === 'NOT_PREFERRED' ? false : undefined };

/** Turns factors on or off and picks the preferred one (reference §2.3 SetUserMFAPreference). */
export async function updateMFAPreference(ctx: AuthContext, input: UpdateMFAPreferenceInput): Promise<void> {
  await callAsUser(ctx, 'SetUserMFAPreference', {
    SMSMfaSettings: settings(input.sms),
    SoftwareTokenMfaSettings: settings(input.totp),
    EmailMfaSettings: settings(input.email),
  });
}

const mfaTypes: Record<string, AuthMFAType> = { SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL_OTP: 'EMAIL' };

/** The enabled factors and the preferred one. */
export async function fetchMFAPreference(ctx: AuthContext): Promise<FetchMFAPreferenceOutput> {
  const { PreferredMfaSetting, UserMFASettingList } = await callAsUser<{ PreferredMfaSetting?: string; UserMFASettingList?: string[] }>(ctx, 'GetUser');
  return {
    preferred: PreferredMfaSetting ? mfaTypes[PreferredMfaSetting] : undefined,
    enabled: UserMFASettingList?.map((type) => mfaTypes[type]).filter((type) => type !== undefined),
  };
}
