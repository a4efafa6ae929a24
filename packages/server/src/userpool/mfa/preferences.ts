import { fail } from '../../errors.js';
import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import { loadUserMfa, saveUserMfa, type MfaFactor } from './factors.js';

export interface FactorSetting {
  Enabled?: boolean | undefined;
  PreferredMfa?: boolean | undefined;
}

export interface MfaPreferences {
  SMSMfaSettings?: FactorSetting | undefined;
  SoftwareTokenMfaSettings?: FactorSetting | undefined;
  EmailMfaSettings?: FactorSetting | undefined;
}

const columns = { SMS_MFA: 'sms_enabled', SOFTWARE_TOKEN_MFA: 'totp_enabled', EMAIL_OTP: 'email_enabled' } as const;

/**
 * SetUserMFAPreference and AdminSetUserMFAPreference: turn factors on or off and pick the preferred
 * one. A factor turns on only when it can reach the user: a phone number for SMS, an address for
 * email, a verified authenticator for TOTP.
 */
export async function setMfaPreferences(context: Context, user: User, preferences: MfaPreferences): Promise<void> {
  const row = await loadUserMfa(context.db, user);
  const changes: Record<string, number | string | null> = {};
  let preferred = row?.preferred ?? null;
  const given: Array<[MfaFactor, FactorSetting | undefined]> = [
    ['SMS_MFA', preferences.SMSMfaSettings],
    ['SOFTWARE_TOKEN_MFA', preferences.SoftwareTokenMfaSettings],
    ['EMAIL_OTP', preferences.EmailMfaSettings],
  ];
  for (const [factor, setting] of given) {
    if (!setting) continue;
    const enabled = setting.Enabled === true || setting.PreferredMfa === true;
    if (enabled) assertReachable(factor, user, row?.totp_secret_sealed ?? null);
    changes[columns[factor]] = enabled ? 1 : 0;
    if (setting.PreferredMfa === true) preferred = factor;
    else if (preferred === factor && (setting.PreferredMfa === false || !enabled)) preferred = null;
  }
  await saveUserMfa(context.db, user, { ...changes, preferred }, context.clock.now());
}

function assertReachable(factor: MfaFactor, user: User, totpSecret: string | null): void {
  if (factor === 'SMS_MFA' && !user.attributes.phone_number) fail('InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA');
  if (factor === 'EMAIL_OTP' && !user.attributes.email) fail('InvalidParameterException', 'User does not have delivery config set to turn on EMAIL_OTP');
  if (factor === 'SOFTWARE_TOKEN_MFA' && !totpSecret) fail('InvalidParameterException', 'User has not verified software token mfa');
}
