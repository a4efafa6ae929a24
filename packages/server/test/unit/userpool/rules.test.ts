import { describe, expect, it } from 'vitest';
import { lockoutMsAfter } from '../../../src/userpool/auth/lockout.js';
import { clientAllowsFlow } from '../../../src/userpool/client.js';
import { passwordPolicyViolation } from '../../../src/userpool/password-policy.js';
import { defaultPasswordPolicy, type UserPoolSettings } from '../../../src/userpool/pool.js';
import { clientSettingsFromRequest, poolSettingsFromRequest } from '../../../src/userpool/settings-from-request.js';
import { loginColumnsOf } from '../../../src/userpool/users.js';

describe('lockout schedule', () => {
  it('allows four failures, then locks for 1 s doubling per failure up to 15 minutes', () => {
    expect([1, 2, 3, 4].map(lockoutMsAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(lockoutMsAfter)).toEqual([1000, 2000, 4000, 8000]);
    expect(lockoutMsAfter(14)).toBe(512_000);
    expect(lockoutMsAfter(15)).toBe(900_000);
    expect(lockoutMsAfter(60)).toBe(900_000);
  });
});

describe('password policy', () => {
  it('names the first rule broken, in Cognito order', () => {
    expect(passwordPolicyViolation(defaultPasswordPolicy, 'Aa1!')).toBe('Password not long enough');
    expect(passwordPolicyViolation(defaultPasswordPolicy, 'abcdefg1!')).toBe('Password must have uppercase characters');
    expect(passwordPolicyViolation(defaultPasswordPolicy, 'ABCDEFG1!')).toBe('Password must have lowercase characters');
    expect(passwordPolicyViolation(defaultPasswordPolicy, 'Abcdefgh!')).toBe('Password must have numeric characters');
    expect(passwordPolicyViolation(defaultPasswordPolicy, 'Abcdefgh1')).toBe('Password must have symbol characters');
    expect(passwordPolicyViolation(defaultPasswordPolicy, 'Abcdefg 1')).toBeUndefined();
    expect(passwordPolicyViolation({ ...defaultPasswordPolicy, RequireSymbols: false, MinimumLength: 6 }, 'Abcde1')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordPolicyViolation({ ...defaultPasswordPolicy, RequireSymbols: false, RequireUppercase: false, MinimumLength: 8 }, 'ab1😀😀😀😀')).toBe('Password not long enough');
  });
});

describe('sign-in identifiers', () => {
  const pool = (extra: Partial<UserPoolSettings>) => ({ ...poolSettingsFromRequest({ PoolName: 'p' }, 'us-east-1_P'), ...extra });

  it('signs in by email always in an email-as-username pool, lower-cased', () => {
    expect(loginColumnsOf(pool({ UsernameAttributes: ['email'] }), { email: 'Ada@Example.com', email_verified: 'false' })).toEqual({
      emailLogin: 'ada@example.com',
      phoneLogin: null,
      preferredUsernameLogin: null,
    });
  });

  it('signs in by an alias only once it is verified', () => {
    const aliasPool = pool({ AliasAttributes: ['email', 'phone_number', 'preferred_username'] });
    expect(loginColumnsOf(aliasPool, { email: 'a@b.co', phone_number: '+15555550100', preferred_username: 'Ada' })).toEqual({
      emailLogin: null,
      phoneLogin: null,
      preferredUsernameLogin: 'ada',
    });
    expect(loginColumnsOf(aliasPool, { email: 'a@b.co', email_verified: 'true', phone_number: '+15555550100', phone_number_verified: 'true' })).toMatchObject({
      emailLogin: 'a@b.co',
      phoneLogin: '+15555550100',
    });
  });
});

describe('settings from requests', () => {
  it('fills Cognito defaults for a client and accepts both spellings of a flow', () => {
    const client = clientSettingsFromRequest({ ClientName: 'c' }, 'us-east-1_P', 'cid');
    expect(client).toMatchObject({
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'],
      AccessTokenValidity: 1,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      AuthSessionValidity: 3,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    expect(clientAllowsFlow(client, 'USER_PASSWORD_AUTH')).toBe(false);
    expect(clientAllowsFlow({ ...client, ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }, 'USER_PASSWORD_AUTH')).toBe(true);
  });

  it('refuses username attributes together with aliases', () => {
    expect(() => poolSettingsFromRequest({ PoolName: 'p', UsernameAttributes: ['email'], AliasAttributes: ['email'] }, 'us-east-1_P')).toThrow(
      'AliasAttributes: cannot be set together with UsernameAttributes',
    );
  });
});
