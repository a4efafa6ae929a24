import {
  ConfirmSignUpCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  AdminAddUserToGroupCommand,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { decodePayload, latestCode, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const configPoolId = 'us-east-1_TestPool1';
const date = expect.any(Date);

describe.each(dialects)('user pool and app client administration through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const client = () => sdkClient(server);
  const createPool = async (input: Partial<CreateUserPoolCommandInput> = {}) =>
    (await client().send(new CreateUserPoolCommand({ PoolName: `pool-${Date.now()}`, ...input }))).UserPool!;
  const describePool = async (UserPoolId: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool!;

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig });
  });
  afterAll(() => server.close());

  it('CreateUserPool answers the new pool with Cognito defaults, as DescribeUserPool does', async () => {
    const created = await createPool({
      PoolName: 'orders',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
      Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }],
      UserPoolTags: { stage: 'test' },
    });
    expect(created).toEqual({
      Id: expect.stringMatching(/^us-east-1_[0-9A-Za-z]{9}$/),
      Name: 'orders',
      Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${created.Id}`,
      Policies: {
        PasswordPolicy: { MinimumLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 7 },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {},
      SchemaAttributes: expect.any(Array),
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      MfaConfiguration: 'OFF',
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }, { Name: 'verified_phone_number', Priority: 2 }] },
      UserPoolTags: { stage: 'test' },
      UserPoolTier: 'ESSENTIALS',
      EstimatedNumberOfUsers: 0,
      CreationDate: date,
      LastModifiedDate: date,
    });
    const schema = created.SchemaAttributes!;
    expect(schema.map((a) => a.Name)).toEqual([
      'sub', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'email',
      'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address', 'updated_at', 'custom:team',
    ]);
    expect(schema[0]).toEqual({ Name: 'sub', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } });
    expect(schema.find((a) => a.Name === 'email_verified')).toEqual({ Name: 'email_verified', AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false });
    expect(schema.find((a) => a.Name === 'updated_at')).toEqual({ Name: 'updated_at', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: '0' } });
    expect(schema.at(-1)).toEqual({ Name: 'custom:team', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: {} });
    expect(await describePool(created.Id!)).toEqual(created);
  });

  it('CreateUserPool and DescribeUserPool refuse bad members and unknown pools', async () => {
    expect(await rejection(client().send(new CreateUserPoolCommand({ PoolName: 'weak', Policies: { PasswordPolicy: { MinimumLength: 5 } } })))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
      status: 400,
    });
    expect(await rejection(client().send(new CreateUserPoolCommand({ PoolName: 'both', UsernameAttributes: ['email'], AliasAttributes: ['email'] })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'AliasAttributes: cannot be set together with UsernameAttributes',
    });
    expect(await rejection(client().send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_nothere' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
      status: 400,
    });
    expect(await rejection(client().send(new DescribeUserPoolCommand({ UserPoolId: 'no-underscore' })))).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('UpdateUserPool replaces the updatable members and returns the others to their defaults', async () => {
    const created = await createPool({
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'team', AttributeDataType: 'String' }],
      DeletionProtection: 'ACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12 } },
      UserPoolTags: { stage: 'test' },
    });
    const updated = await client().send(new UpdateUserPoolCommand({ UserPoolId: created.Id, PoolName: 'renamed', Policies: { PasswordPolicy: { MinimumLength: 9, RequireNumbers: false } }, MfaConfiguration: 'OFF' }));
    expect(updated.$metadata.httpStatusCode).toBe(200);
    const after = await describePool(created.Id!);
    expect(after).toEqual({
      ...created,
      Name: 'renamed',
      Policies: { ...created.Policies, PasswordPolicy: { ...created.Policies!.PasswordPolicy, MinimumLength: 9, RequireNumbers: false } },
      DeletionProtection: 'INACTIVE',
      AutoVerifiedAttributes: undefined,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      UserPoolTags: {},
      LastModifiedDate: date,
    });
    expect(after.UsernameAttributes).toEqual(['email']);
    expect(after.SchemaAttributes!.at(-1)!.Name).toBe('custom:team');
    expect(after.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(created.LastModifiedDate!.getTime());

    expect(await rejection(client().send(new UpdateUserPoolCommand({ UserPoolId: 'us-east-1_nothere' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
    expect(await rejection(client().send(new UpdateUserPoolCommand({ UserPoolId: created.Id, MfaConfiguration: 'SOMETIMES' as 'ON' })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value 'SOMETIMES' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]",
    });
  });

  it('DeleteUserPool honours deletion protection, then deletes the pool with its users, clients, groups and keys', async () => {
    const pool = await createPool({ UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'], DeletionProtection: 'ACTIVE' });
    const UserPoolId = pool.Id!;
    const { UserPoolClient } = await client().send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    const email = uniqueEmail('doomed');
    await client().send(new SignUpCommand({ ClientId: UserPoolClient!.ClientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }));
    await client().send(new ConfirmSignUpCommand({ ClientId: UserPoolClient!.ClientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
    await client().send(new InitiateAuthCommand({ ClientId: UserPoolClient!.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword } }));
    await client().send(new CreateGroupCommand({ UserPoolId, GroupName: 'staff' }));
    await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName: 'staff', Username: email }));

    expect(await rejection(client().send(new DeleteUserPoolCommand({ UserPoolId })))).toEqual({
      name: 'InvalidParameterException',
      message: 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
      status: 400,
    });
    await client().send(new UpdateUserPoolCommand({ UserPoolId, DeletionProtection: 'INACTIVE' }));
    const forget = vi.spyOn(server.context.keys, 'forget');
    await client().send(new DeleteUserPoolCommand({ UserPoolId }));
    expect(forget).toHaveBeenCalledWith(UserPoolId);
    forget.mockRestore();

    expect(await rejection(describePool(UserPoolId))).toMatchObject({ name: 'ResourceNotFoundException', message: `User pool ${UserPoolId} does not exist.` });
    expect(await rejection(client().send(new DeleteUserPoolCommand({ UserPoolId })))).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await rejection(client().send(new SignUpCommand({ ClientId: UserPoolClient!.ClientId, Username: uniqueEmail(), Password: testPassword })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `User pool client ${UserPoolClient!.ClientId} does not exist.`,
    });
    const db = server.context.db;
    const count = async (table: 'users' | 'groups' | 'group_members' | 'signing_keys' | 'grants' | 'codes' | 'auth_sessions') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('pool_id', '=', UserPoolId).executeTakeFirstOrThrow()).n);
    for (const table of ['users', 'groups', 'group_members', 'signing_keys', 'grants', 'codes', 'auth_sessions'] as const) {
      expect({ table, rows: await count(table) }).toEqual({ table, rows: 0 });
    }
    expect(await db.selectFrom('user_pool_clients').select('id').where('pool_id', '=', UserPoolId).execute()).toEqual([]);
    expect((await fetch(`${server.url}/${UserPoolId}/.well-known/jwks.json`)).status).toBe(404);
  });

  it('ListUserPools pages through every pool with NextToken', async () => {
    for (let i = 0; i < 3; i++) await createPool({ PoolName: `listed-${i}` });
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client().send(new ListUserPoolsCommand({ MaxResults: 2, NextToken }));
      expect(page.UserPools!.length).toBeLessThanOrEqual(2);
      for (const pool of page.UserPools!) {
        expect(pool).toEqual({ Id: expect.any(String), Name: expect.any(String), LambdaConfig: {}, CreationDate: date, LastModifiedDate: date });
        seen.push(pool.Id!);
      }
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    const all = await client().send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(all.NextToken).toBeUndefined();
    expect(seen).toEqual(all.UserPools!.map((p) => p.Id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 2));
    expect(seen[0]).toBe(configPoolId);
    expect(all.UserPools!.filter((p) => p.Name!.startsWith('listed-')).map((p) => p.Name)).toEqual(['listed-0', 'listed-1', 'listed-2']);

    expect(await rejection(client().send(new ListUserPoolsCommand({} as { MaxResults: number })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    });
    expect(await rejection(client().send(new ListUserPoolsCommand({ MaxResults: 61 })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
    expect(await rejection(client().send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: 'not-a-token' })))).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('CreateUserPoolClient answers the client with its generated secret; Describe answers the same', async () => {
    const UserPoolId = (await createPool()).Id!;
    const { UserPoolClient: created } = await client().send(
      new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'backend', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    expect(created).toEqual({
      UserPoolId,
      ClientName: 'backend',
      ClientId: expect.stringMatching(/^[a-z0-9]{26}$/),
      ClientSecret: expect.stringMatching(/^[a-z0-9]{51}$/),
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      AuthSessionValidity: 3,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AllowedOAuthFlowsUserPoolClient: false,
      EnablePropagateAdditionalUserContextData: false,
      CreationDate: date,
      LastModifiedDate: date,
    });
    const described = await client().send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: created!.ClientId }));
    expect(described.UserPoolClient).toEqual(created);

    const { UserPoolClient: publicClient } = await client().send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web' }));
    expect(publicClient).toMatchObject({ ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'] });
    expect(publicClient!.ClientSecret).toBeUndefined();
  });

  it('app client operations refuse unknown pools and clients, clients of other pools and bad members', async () => {
    const UserPoolId = (await createPool()).Id!;
    expect(await rejection(client().send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: 'publicclient1' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client publicclient1 does not exist.',
      status: 400,
    });
    expect(await rejection(client().send(new CreateUserPoolClientCommand({ UserPoolId: 'us-east-1_nothere', ClientName: 'x' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
    expect(
      await rejection(client().send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'long', AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }))),
    ).toMatchObject({ name: 'InvalidParameterException', message: 'AccessTokenValidity: must be between 5 minutes and 1 day' });
    expect(await rejection(client().send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'bad', ExplicitAuthFlows: ['ALLOW_EVERYTHING' as 'ALLOW_USER_AUTH'] })))).toMatchObject({
      name: 'InvalidParameterException',
    });
    expect(await rejection(client().send(new CreateUserPoolClientCommand({ UserPoolId } as { UserPoolId: string; ClientName: string })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'clientName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('UpdateUserPoolClient keeps the secret and the name, and returns members left out to their defaults', async () => {
    const UserPoolId = (await createPool()).Id!;
    const { UserPoolClient: created } = await client().send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'backend',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        AccessTokenValidity: 2,
        PreventUserExistenceErrors: 'LEGACY',
      }),
    );
    const ClientId = created!.ClientId!;
    const { UserPoolClient: updated } = await client().send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId, IdTokenValidity: 5, TokenValidityUnits: { IdToken: 'minutes' } }));
    expect(updated).toEqual({
      ...created,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'],
      AccessTokenValidity: 1,
      IdTokenValidity: 5,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'minutes', RefreshToken: 'days' },
      PreventUserExistenceErrors: 'ENABLED',
      LastModifiedDate: date,
    });
    expect(updated!.ClientSecret).toBe(created!.ClientSecret);
    expect((await client().send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }))).UserPoolClient).toEqual(updated);
    const renamed = await client().send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId, ClientName: 'renamed' }));
    expect(renamed.UserPoolClient).toMatchObject({ ClientName: 'renamed', ClientSecret: created!.ClientSecret });
    expect(await rejection(client().send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId: 'nosuchclient' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    });
  });

  it('DeleteUserPoolClient and ListUserPoolClients', async () => {
    const UserPoolId = (await createPool()).Id!;
    const created = [];
    for (const ClientName of ['one', 'two', 'three']) created.push((await client().send(new CreateUserPoolClientCommand({ UserPoolId, ClientName }))).UserPoolClient!);
    // Listed in creation order; clients created in the same millisecond in id order.
    const listed = created
      .sort((a, b) => a.CreationDate!.getTime() - b.CreationDate!.getTime() || (a.ClientId! < b.ClientId! ? -1 : 1))
      .map(({ ClientId, ClientName }) => ({ ClientId, UserPoolId, ClientName }));
    const first = await client().send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 2 }));
    expect(first.UserPoolClients).toEqual(listed.slice(0, 2));
    const second = await client().send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 2, NextToken: first.NextToken }));
    expect(second.UserPoolClients).toEqual(listed.slice(2));
    expect(second.NextToken).toBeUndefined();

    const ids = listed.map((c) => c.ClientId!);
    const deleted = await client().send(new DeleteUserPoolClientCommand({ UserPoolId, ClientId: ids[1] }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    expect((await client().send(new ListUserPoolClientsCommand({ UserPoolId }))).UserPoolClients).toEqual([listed[0], listed[2]]);
    expect(await rejection(client().send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: ids[1] })))).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await rejection(client().send(new DeleteUserPoolClientCommand({ UserPoolId, ClientId: ids[1] })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `User pool client ${ids[1]} does not exist.`,
    });
    expect(await rejection(client().send(new DeleteUserPoolClientCommand({ UserPoolId, ClientId: 'publicclient1' })))).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await rejection(client().send(new ListUserPoolClientsCommand({ UserPoolId: 'us-east-1_nothere' })))).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('SetUserPoolMfaConfig stores the MFA settings that GetUserPoolMfaConfig and DescribeUserPool answer', async () => {
    const UserPoolId = (await createPool()).Id!;
    const fresh = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId }));
    expect({ ...fresh, $metadata: undefined }).toEqual({ MfaConfiguration: 'OFF', $metadata: undefined });

    const config = {
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is {####}', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'cognate' } },
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Message: 'Your sign-in code is {####}', Subject: 'Sign-in code' },
      MfaConfiguration: 'OPTIONAL' as const,
    };
    const { $metadata: _set, ...set } = await client().send(new SetUserPoolMfaConfigCommand({ UserPoolId, ...config }));
    expect(set).toEqual(config);
    const { $metadata: _got, ...got } = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId }));
    expect(got).toEqual(config);
    expect(await describePool(UserPoolId)).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SmsAuthenticationMessage: 'Your code is {####}',
      SmsConfiguration: config.SmsMfaConfiguration.SmsConfiguration,
    });

    const { $metadata: _off, ...off } = await client().send(new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'OFF' }));
    expect(off).toEqual({ ...config, MfaConfiguration: 'OFF' });
    expect(await rejection(client().send(new SetUserPoolMfaConfigCommand({ UserPoolId, SmsMfaConfiguration: { SmsAuthenticationMessage: 'no code here' } })))).toMatchObject({
      name: 'InvalidParameterException',
    });
    expect(await rejection(client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_nothere' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
  });

  it('a pool and client created through the API sign up and sign in a user', async () => {
    const UserPoolId = (await createPool({ UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] })).Id!;
    const { UserPoolClient } = await client().send(
      new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    const ClientId = UserPoolClient!.ClientId!;
    const email = uniqueEmail('api-pool');
    const { UserSub } = await client().send(new SignUpCommand({ ClientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }));
    await client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
    const { AuthenticationResult } = await client().send(
      new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword } }),
    );
    expect(decodePayload(AuthenticationResult!.IdToken!)).toMatchObject({ iss: `${server.publicUrl}/${UserPoolId}`, aud: ClientId, sub: UserSub, email, token_use: 'id' });
    expect(decodePayload(AuthenticationResult!.AccessToken!)).toMatchObject({ iss: `${server.publicUrl}/${UserPoolId}`, client_id: ClientId, sub: UserSub });
    expect((await describePool(UserPoolId)).EstimatedNumberOfUsers).toBe(1);
    const jwks = (await (await fetch(`${server.url}/${UserPoolId}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(2);
  });
});

describe.each(dialects)('a pool declared in the config, through the administration API (%s)', (dialect) => {
  let server: RunningServer;
  const client = () => sdkClient(server);

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig });
  });
  afterAll(() => server.close());

  it('is described, listed with its clients and updatable', async () => {
    const { UserPool } = await client().send(new DescribeUserPoolCommand({ UserPoolId: configPoolId }));
    expect(UserPool).toMatchObject({
      Id: configPoolId,
      Name: 'tests',
      Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${configPoolId}`,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 0,
    });
    expect(UserPool!.SchemaAttributes!.at(-1)).toMatchObject({ Name: 'custom:team', AttributeDataType: 'String' });
    const { UserPoolClients } = await client().send(new ListUserPoolClientsCommand({ UserPoolId: configPoolId, MaxResults: 60 }));
    // Clients applied in the same millisecond list in id order.
    expect(UserPoolClients!.map((c) => c.ClientId).sort()).toEqual(testConfig.UserPools![0]!.Clients!.map((c) => c.ClientId).sort());
    const { UserPoolClient } = await client().send(new DescribeUserPoolClientCommand({ UserPoolId: configPoolId, ClientId: 'secretclient1' }));
    expect(UserPoolClient).toMatchObject({ ClientName: 'confidential', ClientSecret: server.pools[0]!.clients.find((c) => c.ClientId === 'secretclient1')!.ClientSecret });

    await client().send(new UpdateUserPoolCommand({ UserPoolId: configPoolId, AutoVerifiedAttributes: ['email'], Policies: { PasswordPolicy: { MinimumLength: 20 } } }));
    expect((await client().send(new DescribeUserPoolCommand({ UserPoolId: configPoolId }))).UserPool!.Policies!.PasswordPolicy!.MinimumLength).toBe(20);
    const email = uniqueEmail('short-password');
    expect(
      await rejection(client().send(new SignUpCommand({ ClientId: 'publicclient1', Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }))),
    ).toMatchObject({ name: 'InvalidPasswordException' });
  });
});
