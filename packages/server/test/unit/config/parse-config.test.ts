import { describe, expect, it } from 'vitest';
import { ConfigError, keyPath, parseConfig } from '../../../src/config/load.js';

const errorOf = (json: unknown) => {
  try {
    parseConfig(json, 'cognate.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('config validation', () => {
  it('accepts the members of CreateUserPool and CreateUserPoolClient', () => {
    const config = {
      UserPools: [
        {
          Id: 'eu-west-1_Pinned1',
          PoolName: 'shop',
          AliasAttributes: ['email', 'preferred_username'],
          Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } },
          Clients: [{ ClientName: 'web', ClientId: 'webclient', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 5 } }],
        },
      ],
    };
    expect(parseConfig(config, 'x')).toEqual(config);
  });

  it('names the key of a misspelt setting', () => {
    expect(errorOf({ UserPools: [{ PoolName: 'a', Clients: [{ ClientName: 'c', ExplictAuthFlows: [] }] }] })).toBe(
      'cognate.config.json: UserPools[0].Clients[0].ExplictAuthFlows: is not a known setting',
    );
  });

  it('names the key and the reason of a bad value', () => {
    expect(errorOf({ UserPools: [{ PoolName: 'a', Clients: [{ ClientName: 'c', ExplicitAuthFlows: ['ALLOW_EVERYTHING'] }] }] })).toMatch(
      /^cognate\.config\.json: UserPools\[0\]\.Clients\[0\]\.ExplicitAuthFlows\[0\]: Invalid option/,
    );
    expect(errorOf({ UserPools: [{ PoolName: 'a', Id: 'no-underscore' }] })).toBe(
      'cognate.config.json: UserPools[0].Id: must look like <region>_<letters and digits>',
    );
  });

  it('writes key paths as a reader would type them', () => {
    expect(keyPath(['UserPools', 2, 'Clients', 0, 'ClientName'])).toBe('UserPools[2].Clients[0].ClientName');
  });
});
