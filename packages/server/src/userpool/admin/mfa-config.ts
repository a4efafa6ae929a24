import type { Context } from '../context.js';
import type { UserPoolSettings } from '../pool.js';
import { resolvePool } from '../pools.js';

export type MfaConfig = Partial<
  Pick<UserPoolSettings, 'SmsMfaConfiguration' | 'SoftwareTokenMfaConfiguration' | 'EmailMfaConfiguration' | 'MfaConfiguration' | 'WebAuthnConfiguration'>
>;

/** The pool's MFA settings as GetUserPoolMfaConfig answers them: the factors configured, and the mode. */
const mfaConfigOf = (pool: UserPoolSettings): MfaConfig => ({
  ...(pool.SmsMfaConfiguration ? { SmsMfaConfiguration: pool.SmsMfaConfiguration } : {}),
  ...(pool.SoftwareTokenMfaConfiguration ? { SoftwareTokenMfaConfiguration: pool.SoftwareTokenMfaConfiguration } : {}),
  ...(pool.EmailMfaConfiguration ? { EmailMfaConfiguration: pool.EmailMfaConfiguration } : {}),
  MfaConfiguration: pool.MfaConfiguration,
  ...(pool.WebAuthnConfiguration ? { WebAuthnConfiguration: pool.WebAuthnConfiguration } : {}),
});

export async function getUserPoolMfaConfig(context: Context, poolId: string) {
  return mfaConfigOf(await resolvePool(context, poolId));
}

/** Members given replace the stored ones; members left out stay. The settings are stored only, for now. */
export async function setUserPoolMfaConfig(context: Context, poolId: string, config: MfaConfig) {
  const pool = await resolvePool(context, poolId);
  const updated: UserPoolSettings = {
    ...pool,
    ...(config.SmsMfaConfiguration ? { SmsMfaConfiguration: config.SmsMfaConfiguration } : {}),
    ...(config.SoftwareTokenMfaConfiguration ? { SoftwareTokenMfaConfiguration: config.SoftwareTokenMfaConfiguration } : {}),
    ...(config.EmailMfaConfiguration ? { EmailMfaConfiguration: config.EmailMfaConfiguration } : {}),
    ...(config.MfaConfiguration ? { MfaConfiguration: config.MfaConfiguration } : {}),
    ...(config.WebAuthnConfiguration ? { WebAuthnConfiguration: config.WebAuthnConfiguration } : {}),
  };
  await context.pools.putPool(updated, context.clock.now());
  return mfaConfigOf(updated);
}
