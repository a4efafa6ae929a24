import type { ConfigFile } from '../../src/config/schema.js';

/** A pool with one client per behaviour under test, ids pinned so tests can name them. */
export const testConfig: ConfigFile = {
  UserPools: [
    {
      Id: 'us-east-1_TestPool1',
      PoolName: 'tests',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }],
      Clients: [
        { ClientId: 'publicclient1', ClientName: 'public', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        { ClientId: 'secretclient1', ClientName: 'confidential', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        { ClientId: 'legacyclient1', ClientName: 'legacy', PreventUserExistenceErrors: 'LEGACY', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        {
          ClientId: 'rotatingclient1',
          ClientName: 'rotating',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
        },
        {
          ClientId: 'graceclient1',
          ClientName: 'rotating-with-grace',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
        },
        { ClientId: 'adminclient1', ClientName: 'admin-flows', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        { ClientId: 'srponlyclient1', ClientName: 'srp-only', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' } },
      ],
    },
    {
      Id: 'us-east-1_TestPool2',
      PoolName: 'usernames',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'name', Required: true, Mutable: true }],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      Clients: [
        {
          ClientId: 'usernameclient1',
          ClientName: 'usernames',
          PreventUserExistenceErrors: 'LEGACY',
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
    },
  ],
};
