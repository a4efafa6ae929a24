import type { Kysely, Transaction } from 'kysely';
import type { Database, UserMfaRow } from '../../store/schema.js';
import type { User } from '../../store/users.js';
import type { UserPoolSettings } from '../pool.js';

/** The second factors, by the names Cognito uses in challenges and settings lists. */
export type MfaFactor = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

const order: MfaFactor[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

type Db = Kysely<Database> | Transaction<Database>;

export async function loadUserMfa(db: Db, user: Pick<User, 'poolId' | 'sub'>): Promise<UserMfaRow | undefined> {
  return db.selectFrom('user_mfa').selectAll().where('pool_id', '=', user.poolId).where('sub', '=', user.sub).executeTakeFirst();
}

/** Creates or updates the user's MFA row with `changes`. */
export async function saveUserMfa(db: Db, user: Pick<User, 'poolId' | 'sub'>, changes: Partial<Omit<UserMfaRow, 'pool_id' | 'sub'>>, now: number): Promise<void> {
  const values = { ...changes, updated_at: now };
  await db
    .insertInto('user_mfa')
    .values({ pool_id: user.poolId, sub: user.sub, sms_enabled: 0, email_enabled: 0, totp_enabled: 0, ...values })
    .onConflict((oc) => oc.columns(['pool_id', 'sub']).doUpdateSet(values))
    .execute();
}

/** The factors the pool offers. */
export function poolFactors(pool: UserPoolSettings): MfaFactor[] {
  if (pool.MfaConfiguration === 'OFF') return [];
  return order.filter((factor) =>
    factor === 'SMS_MFA' ? pool.SmsMfaConfiguration !== undefined : factor === 'SOFTWARE_TOKEN_MFA' ? pool.SoftwareTokenMfaConfiguration?.Enabled === true : pool.EmailMfaConfiguration !== undefined,
  );
}

/** The factors the user turned on, whatever the pool offers now (GetUser's UserMFASettingList). */
export function userFactors(row: UserMfaRow | undefined): MfaFactor[] {
  if (!row) return [];
  return order.filter((factor) => (factor === 'SMS_MFA' ? row.sms_enabled : factor === 'SOFTWARE_TOKEN_MFA' ? row.totp_enabled : row.email_enabled) === 1);
}

/**
 * The factors a sign-in may challenge with: on for the user, offered by the pool, and deliverable —
 * SMS only to a verified phone number, email only to a verified address.
 */
export function usableFactors(pool: UserPoolSettings, user: User, row: UserMfaRow | undefined): MfaFactor[] {
  const offered = new Set(poolFactors(pool));
  return userFactors(row).filter(
    (factor) =>
      offered.has(factor) &&
      (factor !== 'SMS_MFA' || user.attributes.phone_number_verified === 'true') &&
      (factor !== 'EMAIL_OTP' || user.attributes.email_verified === 'true') &&
      (factor !== 'SOFTWARE_TOKEN_MFA' || row?.totp_secret_sealed != null),
  );
}

/**
 * The factors a user without one may set up during sign-in (MFA_SETUP's MFAS_CAN_SETUP): SMS needs a
 * phone number and email an address; TOTP needs nothing, so a user with neither is asked for TOTP.
 */
export function factorsToSetUp(pool: UserPoolSettings, user: User): MfaFactor[] {
  return poolFactors(pool).filter((factor) =>
    factor === 'SMS_MFA' ? !!user.attributes.phone_number : factor === 'EMAIL_OTP' ? !!user.attributes.email : true,
  );
}

/** GetUser and AdminGetUser members: present only when the user has a factor, as Cognito answers. */
export function mfaSettingsOf(row: UserMfaRow | undefined): { UserMFASettingList?: MfaFactor[]; PreferredMfaSetting?: MfaFactor } {
  const list = userFactors(row);
  return {
    ...(list.length ? { UserMFASettingList: list } : {}),
    ...(row?.preferred && list.includes(row.preferred as MfaFactor) ? { PreferredMfaSetting: row.preferred as MfaFactor } : {}),
  };
}
