import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import { loadUserMfa, usableFactors } from '../mfa/factors.js';
import { relyingPartyOf } from '../passkeys/relying-party.js';
import { passkeyStore } from '../passkeys/store.js';
import type { UserPoolSettings } from '../pool.js';

/** The challenges USER_AUTH can start with, in the order AvailableChallenges lists them. */
export type FirstFactorChallenge = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** What PREFERRED_CHALLENGE and a SELECT_CHALLENGE ANSWER may name (AuthFactorType and its SRP variant). */
export const firstFactorNames = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

export const isOneTimePassword = (challenge: string): challenge is 'EMAIL_OTP' | 'SMS_OTP' => challenge === 'EMAIL_OTP' || challenge === 'SMS_OTP';

const isPassword = (challenge: string): challenge is 'PASSWORD' | 'PASSWORD_SRP' => challenge === 'PASSWORD' || challenge === 'PASSWORD_SRP';

/** The pool's SignInPolicy; PASSWORD alone when it has none, as DescribeUserPool reports. */
export const allowedFirstAuthFactors = (pool: UserPoolSettings) => pool.Policies.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];

/**
 * What the pool offers anyone: the password (plain or SRP) always, and the passwordless factors it
 * allows. A pool that requires MFA offers no passwordless factor, except passkeys that count as MFA
 * themselves (WebAuthnConfiguration.FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION).
 */
export function poolFirstFactors(pool: UserPoolSettings): FirstFactorChallenge[] {
  const allowed = new Set<string>(allowedFirstAuthFactors(pool));
  const mfaRequired = pool.MfaConfiguration === 'ON';
  const otps = mfaRequired ? [] : (['EMAIL_OTP', 'SMS_OTP'] as const).filter((factor) => allowed.has(factor));
  const passkeys = allowed.has('WEB_AUTHN') && (!mfaRequired || relyingPartyOf(pool).multiFactor) ? (['WEB_AUTHN'] as const) : [];
  return ['PASSWORD', 'PASSWORD_SRP', ...otps, ...passkeys];
}

/**
 * What a user who does not exist is offered, when the client hides that: what a typical user is
 * offered, so the list does not tell who exists. Most users have a verified address and no passkey,
 * so the pool's one-time passwords are listed and WEB_AUTHN is not.
 */
export const unknownUserFirstFactors = (pool: UserPoolSettings): FirstFactorChallenge[] => poolFirstFactors(pool).filter((factor) => factor !== 'WEB_AUTHN');

/**
 * The first factors this user may choose. A one-time password needs a verified address or number
 * to go to, a passkey needs a passkey made for the pool's relying party, and either stands in for the password only for
 * users who need no second factor: Cognito offers no passwordless sign-in to users with MFA, nor in
 * pools that require it, unless the pool counts a verified passkey as MFA.
 */
export async function userFirstFactors(context: Context, pool: UserPoolSettings, user: User): Promise<FirstFactorChallenge[]> {
  const offered = poolFirstFactors(pool);
  const passwords = offered.filter((factor) => isPassword(factor) && user.passwordHash !== null);
  const passwordless = offered.filter((factor) => !isPassword(factor));
  if (user.status !== 'CONFIRMED' || passwordless.length === 0) return passwords;
  const hasMfa = usableFactors(pool, user, await loadUserMfa(context.db, user)).length > 0;
  const usable: FirstFactorChallenge[] = [];
  for (const factor of passwordless) {
    if (factor === 'WEB_AUTHN') {
      if ((!hasMfa || relyingPartyOf(pool).multiFactor) && (await passkeyStore.hasAnyFor(context.db, user, relyingPartyOf(pool).id))) usable.push(factor);
    } else if (
      !hasMfa &&
      ((factor === 'EMAIL_OTP' && user.attributes.email && user.attributes.email_verified === 'true') ||
        (factor === 'SMS_OTP' && user.attributes.phone_number && user.attributes.phone_number_verified === 'true'))
    ) {
      usable.push(factor);
    }
  }
  return [...passwords, ...usable];
}
