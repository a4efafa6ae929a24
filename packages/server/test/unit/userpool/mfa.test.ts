import { describe, expect, it } from 'vitest';
import type { UserMfaRow } from '../../../src/store/schema.js';
import type { User } from '../../../src/store/users.js';
import { factorsToSetUp, mfaSettingsOf, poolFactors, usableFactors } from '../../../src/userpool/mfa/factors.js';
import { totpCodeAt, totpStepOf } from '../../../src/userpool/mfa/totp.js';
import { poolSettingsFromRequest } from '../../../src/userpool/settings-from-request.js';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" gives 94287082 at 59 s (8 digits).
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('computes RFC 6238 codes (the 6 low digits of the test vectors)', () => {
    expect(totpCodeAt(rfcSecret, 59_000)).toBe('287082');
    expect(totpCodeAt(rfcSecret, 1_111_111_109_000)).toBe('081804');
  });

  it('accepts one step either side and names the step the code belongs to', () => {
    const now = 1_111_111_109_000;
    const step = Math.floor(now / 30_000);
    expect(totpStepOf(rfcSecret, totpCodeAt(rfcSecret, now), now)).toBe(step);
    expect(totpStepOf(rfcSecret, totpCodeAt(rfcSecret, now - 30_000), now)).toBe(step - 1);
    expect(totpStepOf(rfcSecret, totpCodeAt(rfcSecret, now + 30_000), now)).toBe(step + 1);
    expect(totpStepOf(rfcSecret, totpCodeAt(rfcSecret, now - 60_000), now)).toBeUndefined();
    expect(totpStepOf(rfcSecret, '12345', now)).toBeUndefined();
  });
});

describe('MFA factors', () => {
  const pool = poolSettingsFromRequest(
    { PoolName: 'p', MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: {}, SoftwareTokenMfaConfiguration: { Enabled: true }, EmailMfaConfiguration: {} },
    'us-east-1_P',
  );
  const user = (attributes: Record<string, string>) => ({ attributes }) as unknown as User;
  const row = (values: Partial<UserMfaRow>): UserMfaRow => ({
    pool_id: 'p', sub: 's', sms_enabled: 0, email_enabled: 0, totp_enabled: 0, preferred: null,
    totp_secret_sealed: null, totp_pending_sealed: null, totp_last_step: null, updated_at: 0, ...values,
  });

  it('offers what the pool configures, and nothing when MFA is off', () => {
    expect(poolFactors(pool)).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
    expect(poolFactors({ ...pool, MfaConfiguration: 'OFF' })).toEqual([]);
    expect(poolFactors({ ...pool, SmsMfaConfiguration: undefined, SoftwareTokenMfaConfiguration: { Enabled: false } })).toEqual(['EMAIL_OTP']);
  });

  it('challenges only with factors that reach the user: verified phone, verified email, verified authenticator', () => {
    const all = row({ sms_enabled: 1, email_enabled: 1, totp_enabled: 1 });
    expect(usableFactors(pool, user({ phone_number: '+15555550100', email: 'a@b.c' }), all)).toEqual([]);
    expect(usableFactors(pool, user({ phone_number: '+15555550100', phone_number_verified: 'true', email: 'a@b.c', email_verified: 'true' }), { ...all, totp_secret_sealed: 'x' })).toEqual([
      'SMS_MFA',
      'SOFTWARE_TOKEN_MFA',
      'EMAIL_OTP',
    ]);
  });

  it('asks a user with neither phone nor email to set up TOTP', () => {
    expect(factorsToSetUp(pool, user({}))).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(factorsToSetUp(pool, user({ email: 'a@b.c' }))).toEqual(['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
  });

  it('reports settings only when the user has a factor, and a preference only for an enabled one', () => {
    expect(mfaSettingsOf(undefined)).toEqual({});
    expect(mfaSettingsOf(row({ totp_enabled: 1, preferred: 'SOFTWARE_TOKEN_MFA' }))).toEqual({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
    expect(mfaSettingsOf(row({ sms_enabled: 1, preferred: 'EMAIL_OTP' }))).toEqual({ UserMFASettingList: ['SMS_MFA'] });
  });
});
