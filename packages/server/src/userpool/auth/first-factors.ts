import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import { loadUserMfa, usableFactors } from '../mfa/factors.js';
import type { UserPoolSettings } from '../pool.js';

/** The challenges USER_AUTH can start with, in the order AvailableChallenges lists them. */
export type FirstFactorChallenge = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP';

/** What PREFERRED_CHALLENGE and a SELECT_CHALLENGE ANSWER may name (AuthFactorType and its SRP variant). */
export const firstFactorNames = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

export const isOneTimePassword = (challenge: string): challenge is 'EMAIL_OTP' | 'SMS_OTP' => challenge === 'EMAIL_OTP' || challenge === 'SMS_OTP';

/** The pool's SignInPolicy; PASSWORD alone when it has none, as DescribeUserPool reports. */
export const allowedFirstAuthFactors = (pool: UserPoolSettings) => pool.Policies.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];

/**
 * What the pool offers anyone: the password (plain or SRP) always, and the one-time passwords it
 * allows. Also what a user who does not exist is offered, so the list does not tell who does.
 */
export function poolFirstFactors(pool: UserPoolSettings): FirstFactorChallenge[] {
  const allowed = new Set<string>(allowedFirstAuthFactors(pool));
  const otps = pool.MfaConfiguration === 'ON' ? [] : (['EMAIL_OTP', 'SMS_OTP'] as const).filter((factor) => allowed.has(factor));
  return ['PASSWORD', 'PASSWORD_SRP', ...otps];
}

/**
 * The first factors this user may choose. A one-time password needs a verified address or number
 * to go to, and stands in for the password only for users who need no second factor: Cognito offers
 * no passwordless sign-in to users with MFA, nor in pools that require it. WEB_AUTHN needs a
 * registered passkey, which this server does not hold yet, so it is never available.
 */
export async function userFirstFactors(context: Context, pool: UserPoolSettings, user: User): Promise<FirstFactorChallenge[]> {
  const offered = poolFirstFactors(pool);
  const passwords = offered.filter((factor) => !isOneTimePassword(factor) && user.passwordHash !== null);
  if (user.status !== 'CONFIRMED' || !offered.some(isOneTimePassword)) return passwords;
  if (usableFactors(pool, user, await loadUserMfa(context.db, user)).length > 0) return passwords;
  const otps = offered.filter(
    (factor) =>
      (factor === 'EMAIL_OTP' && user.attributes.email && user.attributes.email_verified === 'true') ||
      (factor === 'SMS_OTP' && user.attributes.phone_number && user.attributes.phone_number_verified === 'true'),
  );
  return [...passwords, ...otps];
}
