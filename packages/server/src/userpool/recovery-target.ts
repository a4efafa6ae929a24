import type { User } from '../store/users.js';
import type { UserPoolSettings, VerifiedAttribute } from './pool.js';

/**
 * Where a password-reset code goes: the first verified email or phone number in the order of the
 * pool's RecoveryMechanisms, the rule ForgotPassword follows; `admin_only` lets users reset nothing.
 */
export function recoveryTarget(pool: UserPoolSettings, user: Pick<User, 'attributes'>): { attribute: VerifiedAttribute; destination: string } | 'admin_only' | undefined {
  const mechanisms = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])].sort((a, b) => a.Priority - b.Priority);
  for (const { Name } of mechanisms) {
    if (Name === 'admin_only') return 'admin_only';
    const attribute: VerifiedAttribute = Name === 'verified_email' ? 'email' : 'phone_number';
    const destination = user.attributes[attribute];
    if (destination && user.attributes[`${attribute}_verified`] === 'true') return { attribute, destination };
  }
  return undefined;
}
