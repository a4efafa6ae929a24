import { describe, expect, it } from 'vitest';
import { systemRandom } from '../../../src/clock.js';
import { CognitoError } from '../../../src/errors.js';
import { generateTemporaryPassword } from '../../../src/userpool/admin/invitation.js';
import { parseUserFilter, searchableAttributes } from '../../../src/userpool/admin/list-users-filter.js';
import { searchOf } from '../../../src/userpool/admin/list-users.js';
import { passwordPolicyViolation } from '../../../src/userpool/password-policy.js';
import { defaultPasswordPolicy, type UserPoolSettings } from '../../../src/userpool/pool.js';
import { poolSettingsFromRequest } from '../../../src/userpool/settings-from-request.js';

function failure(filter: string): { type: string; message: string } {
  try {
    parseUserFilter(filter);
  } catch (error) {
    if (error instanceof CognitoError) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error(`expected ${filter} to be refused`);
}

describe('ListUsers filter parsing', () => {
  it('reads exact and prefix searches on every searchable attribute', () => {
    expect(parseUserFilter('email = "jane@example.com"')).toEqual({ attribute: 'email', operator: '=', value: 'jane@example.com' });
    expect(parseUserFilter('given_name ^= "Jo"')).toEqual({ attribute: 'given_name', operator: '^=', value: 'Jo' });
    for (const attribute of searchableAttributes) {
      expect(parseUserFilter(`${attribute} = "x"`)).toEqual({ attribute, operator: '=', value: 'x' });
    }
  });

  it('takes spacing freely, a quoted attribute name, and empty values', () => {
    expect(parseUserFilter('  family_name="Reddy"  ')).toEqual({ attribute: 'family_name', operator: '=', value: 'Reddy' });
    expect(parseUserFilter('"email"^="jane@"')).toEqual({ attribute: 'email', operator: '^=', value: 'jane@' });
    expect(parseUserFilter('name = ""')).toEqual({ attribute: 'name', operator: '=', value: '' });
  });

  it('unescapes quotes and backslashes in the value and keeps operators inside it as text', () => {
    expect(parseUserFilter('name = "The \\"Boss\\""')).toEqual({ attribute: 'name', operator: '=', value: 'The "Boss"' });
    expect(parseUserFilter('name = "back\\\\slash"')).toEqual({ attribute: 'name', operator: '=', value: 'back\\slash' });
    expect(parseUserFilter('name ^= "a = \\"b\\" ^= c"')).toEqual({ attribute: 'name', operator: '^=', value: 'a = "b" ^= c' });
  });

  it('treats an absent or blank filter as no filter', () => {
    expect(parseUserFilter(undefined)).toBeUndefined();
    expect(parseUserFilter('')).toBeUndefined();
    expect(parseUserFilter('   ')).toBeUndefined();
  });

  it('refuses what is not one comparison with a quoted value', () => {
    const parseError = {
      type: 'InvalidParameterException',
      message: 'Error while parsing filter: expected <attribute> = "<value>" or <attribute> ^= "<value>", with quotes in the value escaped as \\".',
    };
    for (const filter of [
      'email',
      'email =',
      'email = jane',
      'email = "jane',
      'email = "a" "b"',
      'email = "a" and name = "b"',
      'email != "a"',
      'email ~= "a"',
      '= "a"',
      'email = "a"b"',
    ]) {
      expect(failure(filter), filter).toEqual(parseError);
    }
  });

  it('refuses attributes that cannot be searched, custom ones included', () => {
    expect(failure('custom:team = "infra"')).toEqual({
      type: 'InvalidParameterException',
      message:
        'Invalid search attribute: custom:team. Searchable attributes are username, email, phone_number, name, given_name, family_name, preferred_username, cognito:user_status, status, sub.',
    });
    expect(failure('Email = "a"').message).toMatch(/^Invalid search attribute: Email\./);
    expect(failure('locale = "en"').message).toMatch(/^Invalid search attribute: locale\./);
  });
});

describe('ListUsers filter as a store search', () => {
  const insensitive: UserPoolSettings = poolSettingsFromRequest({ PoolName: 'insensitive' }, 'us-east-1_Insensitive');
  const sensitive: UserPoolSettings = poolSettingsFromRequest({ PoolName: 'sensitive', UsernameConfiguration: { CaseSensitive: true } }, 'us-east-1_Sensitive');
  const search = (pool: UserPoolSettings, filter: string) => searchOf(pool, parseUserFilter(filter)!);

  it('looks usernames up as the pool does: ignoring case unless the pool is case-sensitive', () => {
    expect(search(insensitive, 'username = "Jane.Doe"')).toEqual({ kind: 'column', column: 'username_key', operator: '=', value: 'jane.doe' });
    expect(search(sensitive, 'username ^= "Jane"')).toEqual({ kind: 'column', column: 'username_key', operator: '^=', value: 'Jane' });
  });

  it('matches cognito:user_status ignoring case and status (Enabled or Disabled) exactly', () => {
    expect(search(insensitive, 'cognito:user_status = "force_change_password"')).toEqual({ kind: 'status', statuses: ['FORCE_CHANGE_PASSWORD'] });
    expect(search(insensitive, 'cognito:user_status ^= "UN"')).toEqual({ kind: 'status', statuses: ['UNCONFIRMED', 'UNKNOWN'] });
    expect(search(insensitive, 'status = "Disabled"')).toEqual({ kind: 'enabled', values: [0] });
    expect(search(insensitive, 'status = "enabled"')).toEqual({ kind: 'enabled', values: [] });
    expect(search(insensitive, 'status ^= ""')).toEqual({ kind: 'enabled', values: [1, 0] });
  });

  it('searches attributes and the sub as given', () => {
    expect(search(insensitive, 'email ^= "Jane@"')).toEqual({ kind: 'attribute', name: 'email', operator: '^=', value: 'Jane@' });
    expect(search(insensitive, 'sub = "ABC"')).toEqual({ kind: 'column', column: 'sub', operator: '=', value: 'ABC' });
  });
});

describe('generated temporary passwords', () => {
  it('satisfy the strictest policy and are long enough for long minimums', () => {
    const strict = { ...defaultPasswordPolicy, MinimumLength: 8 };
    for (let i = 0; i < 200; i++) expect(passwordPolicyViolation(strict, generateTemporaryPassword(systemRandom, strict))).toBeUndefined();
    expect(generateTemporaryPassword(systemRandom, strict)).toHaveLength(12);
    expect(generateTemporaryPassword(systemRandom, { ...strict, MinimumLength: 40 })).toHaveLength(40);
  });
});
