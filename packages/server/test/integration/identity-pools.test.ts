// Identity pools through @aws-sdk/client-cognito-identity against a real server: guests, user-pool
// and OpenID Connect logins (a provider on loopback with its own key), developer identities, roles,
// pool administration, and the errors Cognito answers.
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { AdminAddUserToGroupCommand, CreateGroupCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRemoteJWKSet, generateKeyPair, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import { findVendedCredentials } from '../../src/identitypool/credentials.js';
import type { RunningServer } from '../../src/server.js';
import { createTestDataDir, dialects } from '../support/databases.js';
import { confirmedUser, decodePayload, passwordSignIn, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { startOpenIdProvider, type OpenIdProvider } from '../support/openid-provider.js';
import { testConfig } from '../support/test-config.js';

const guestPoolId = 'us-east-1:10000000-0000-4000-8000-000000000001';
const membersPoolId = 'us-east-1:10000000-0000-4000-8000-000000000002';
const authenticatedRole = 'arn:aws:iam::000000000000:role/identity-authenticated';
const guestRole = 'arn:aws:iam::000000000000:role/identity-guest';
const userPoolProvider = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1';
const developerProvider = 'login.example';
const identityIdPattern = /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notAuthorized = (message: string) => ({ name: 'NotAuthorizedException', message });

const configWith = (provider: OpenIdProvider, gone: OpenIdProvider): ConfigFile => ({
  ...testConfig,
  OpenIdConnectProviders: [
    { Url: provider.issuer, ClientIDList: ['oidc-app'] },
    { Url: gone.issuer, ClientIDList: ['oidc-app'] },
  ],
  IdentityPools: [
    {
      Id: guestPoolId,
      IdentityPoolName: 'guests and users',
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: userPoolProvider, ClientId: 'publicclient1' }],
      OpenIdConnectProviderARNs: [`arn:aws:iam::000000000000:oidc-provider/${provider.key}`, `arn:aws:iam::000000000000:oidc-provider/${gone.key}`],
      DeveloperProviderName: developerProvider,
      Roles: { authenticated: authenticatedRole, unauthenticated: guestRole },
    },
    {
      Id: membersPoolId,
      IdentityPoolName: 'members only',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: userPoolProvider, ClientId: 'publicclient1' }],
      Roles: { authenticated: authenticatedRole },
    },
  ],
});

describe.each(dialects)('identity pools through the AWS SDK (%s)', (dialect) => {
  const clock = new ManualClock();
  let server: RunningServer;
  let provider: OpenIdProvider;
  /** Declared, then stopped before any login: its discovery document cannot be fetched. */
  let gone: OpenIdProvider;
  let dataDir: string;
  /** Signed with the test admin key, on the server's clock (made anew: the clock moves). */
  const identity = () =>
    new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: `${server.url}/identity`,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
      systemClockOffset: clock.now() - Date.now(),
    });
  /** A key the server does not know: fine for the operations a browser calls, which are not signed. */
  const stranger = () => new CognitoIdentityClient({ region: 'us-east-1', endpoint: `${server.url}/identity`, credentials: { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' }, maxAttempts: 1 });
  /** The Logins key Amplify derives from an ID token: its issuer without the scheme. */
  const userPoolKey = () => `${server.url.replace('http://', '')}/us-east-1_TestPool1`;

  async function signedInUser(email = uniqueEmail()) {
    const user = await confirmedUser(server, sdkClient(server), email);
    const { IdToken, AccessToken } = await passwordSignIn(server, user.email, sdkClient(server));
    return { ...user, idToken: IdToken!, accessToken: AccessToken!, logins: { [userPoolKey()]: IdToken! } };
  }
  const getId = (Logins?: Record<string, string>, IdentityPoolId = guestPoolId) => identity().send(new GetIdCommand({ IdentityPoolId, Logins }));
  const credentialsFor = (IdentityId: string, Logins?: Record<string, string>, CustomRoleArn?: string) =>
    identity().send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn }));
  const roleOf = async (credentials: { AccessKeyId?: string; SessionToken?: string }) =>
    (await findVendedCredentials(server.context, credentials.SessionToken!, credentials.AccessKeyId!))?.roleArn;
  const describeIdentity = (IdentityId: string) => identity().send(new DescribeIdentityCommand({ IdentityId }));

  beforeAll(async () => {
    provider = await startOpenIdProvider();
    gone = await startOpenIdProvider();
    dataDir = await createTestDataDir();
    server = await startTestServer(dialect, { config: configWith(provider, gone), clock, dataDir });
    await gone.close();
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
  });

  describe('guests', () => {
    it('GetId without logins creates a guest identity, and GetCredentialsForIdentity vends an hour of unauthenticated-role credentials', async () => {
      const { IdentityId } = await getId();
      expect(IdentityId).toMatch(identityIdPattern);
      expect((await getId()).IdentityId).not.toBe(IdentityId);
      const result = await credentialsFor(IdentityId!);
      expect(result.IdentityId).toBe(IdentityId);
      expect(result.Credentials).toEqual({ AccessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/), SecretKey: expect.stringMatching(/^\S{40}$/), SessionToken: expect.any(String), Expiration: expect.any(Date) });
      expect(result.Credentials!.Expiration!.getTime()).toBe(Math.floor(clock.now() / 1000) * 1000 + 3600_000);
      expect(await roleOf(result.Credentials!)).toBe(guestRole);
      expect(await describeIdentity(IdentityId!)).toMatchObject({ IdentityId, Logins: [] });
    });

    it('refuses guests where AllowUnauthenticatedIdentities is off, and unknown pools and identities', async () => {
      expect(await rejection(getId(undefined, membersPoolId))).toMatchObject(notAuthorized('Unauthenticated access is not supported for this identity pool.'));
      const unknownPool = 'us-east-1:99999999-0000-4000-8000-000000000000';
      expect(await rejection(getId(undefined, unknownPool))).toMatchObject({ name: 'ResourceNotFoundException', message: `IdentityPool '${unknownPool}' not found.` });
      const unknownIdentity = 'us-east-1:99999999-0000-4000-8000-000000000001';
      expect(await rejection(credentialsFor(unknownIdentity))).toMatchObject({ name: 'ResourceNotFoundException', message: `Identity '${unknownIdentity}' not found.` });
    });

    it('answers a pool without the role it needs with InvalidIdentityPoolConfigurationException', async () => {
      const { IdentityPoolId } = await identity().send(new CreateIdentityPoolCommand({ IdentityPoolName: 'no roles', AllowUnauthenticatedIdentities: true }));
      const { IdentityId } = await getId(undefined, IdentityPoolId);
      expect(await rejection(credentialsFor(IdentityId!))).toMatchObject({
        name: 'InvalidIdentityPoolConfigurationException',
        message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
      });
    });
  });

  describe('user-pool logins', () => {
    it('finds one identity per user, under the issuer key Amplify sends and under Cognito\'s provider name', async () => {
      const user = await signedInUser();
      const { IdentityId } = await getId(user.logins);
      expect(IdentityId).toMatch(identityIdPattern);
      expect((await getId({ [userPoolProvider]: user.idToken })).IdentityId).toBe(IdentityId);
      const result = await credentialsFor(IdentityId!, user.logins);
      expect(result.IdentityId).toBe(IdentityId);
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
      expect(await describeIdentity(IdentityId!)).toMatchObject({ Logins: [userPoolProvider], CreationDate: expect.any(Date), LastModifiedDate: expect.any(Date) });
      expect((await getId(user.logins, membersPoolId)).IdentityId).not.toBe(IdentityId);
    });

    it('a guest who signs in keeps the guest identity id; a second guest of the same user is absorbed into it', async () => {
      const { IdentityId: guest } = await getId();
      const user = await signedInUser();
      expect((await credentialsFor(guest!, user.logins)).IdentityId).toBe(guest);
      expect((await describeIdentity(guest!)).Logins).toEqual([userPoolProvider]);
      const { IdentityId: secondGuest } = await getId();
      expect((await credentialsFor(secondGuest!, user.logins)).IdentityId).toBe(guest);
      expect(await rejection(describeIdentity(secondGuest!))).toMatchObject({ name: 'ResourceNotFoundException' });
    });

    it('concurrent first logins of one user settle on one identity', async () => {
      const user = await signedInUser();
      const answers = await Promise.all([getId(user.logins), getId(user.logins), getId(user.logins), getId({ [userPoolProvider]: user.idToken })]);
      expect(new Set(answers.map((answer) => answer.IdentityId)).size).toBe(1);
    });

    it("refuses an authenticated identity without logins, or with another user's", async () => {
      const [alice, bob] = [await signedInUser(), await signedInUser()];
      const { IdentityId } = await getId(alice.logins);
      expect(await rejection(credentialsFor(IdentityId!))).toMatchObject(notAuthorized(`Access to Identity '${IdentityId}' is forbidden.`));
      expect(await rejection(credentialsFor(IdentityId!, bob.logins))).toMatchObject(
        notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool."),
      );
    });

    it('answers bad tokens with Cognito\'s messages', async () => {
      const user = await signedInUser();
      const [header, payload, signature] = user.idToken.split('.');
      const tampered = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
      expect(await rejection(getId({ [userPoolKey()]: tampered }))).toMatchObject(notAuthorized("Invalid login token. Couldn't verify signed token."));
      expect(await rejection(getId({ [userPoolKey()]: 'not-a-jwt' }))).toMatchObject(notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.'));
      expect(await rejection(getId({ [userPoolKey()]: user.accessToken }))).toMatchObject(notAuthorized('Invalid login token. Missing a required claim: aud'));
      const otherPoolKey = userPoolKey().replace('TestPool1', 'TestPool2');
      expect(await rejection(getId({ [otherPoolKey]: user.idToken }))).toMatchObject(notAuthorized('Token is not from a supported provider of this identity pool.'));
      expect(await rejection(getId({ [userPoolProvider.replace('TestPool1', 'TestPool9')]: user.idToken }))).toMatchObject(
        notAuthorized('Token is not from a supported provider of this identity pool.'),
      );
      expect(await rejection(getId({ 'accounts.google.com': user.idToken }))).toMatchObject(notAuthorized('Token is not from a supported provider of this identity pool.'));
      const legacy = await sdkClient(server).send(
        new InitiateAuthCommand({ ClientId: 'legacyclient1', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email, PASSWORD: testPassword } }),
      );
      expect(await rejection(getId({ [userPoolKey()]: legacy.AuthenticationResult!.IdToken! }))).toMatchObject(
        notAuthorized('Token is not from a supported provider of this identity pool.'),
      );
    });

    it('checks the issuer against the Logins key', async () => {
      const user = await signedInUser();
      const forged = `${user.idToken.split('.')[0]}.${Buffer.from(JSON.stringify({ ...decodePayload(user.idToken), iss: 'http://elsewhere.example/us-east-1_TestPool1' })).toString('base64url')}.${user.idToken.split('.')[2]}`;
      expect(await rejection(getId({ [userPoolKey()]: forged }))).toMatchObject(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
    });
  });

  describe('OpenID Connect logins', () => {
    it('verifies tokens against the JWKS the issuer publishes and finds the same identity again', async () => {
      const token = await provider.idToken({ sub: `alice-${Date.now()}` }, { nowMs: clock.now() });
      const { IdentityId } = await getId({ [provider.key]: token });
      expect(IdentityId).toMatch(identityIdPattern);
      expect((await getId({ [provider.key]: token })).IdentityId).toBe(IdentityId);
      expect(await describeIdentity(IdentityId!)).toMatchObject({ Logins: [provider.key] });
      expect(await roleOf((await credentialsFor(IdentityId!, { [provider.key]: token })).Credentials!)).toBe(authenticatedRole);
    });

    it("answers ExternalServiceException when the provider's discovery document cannot be fetched", async () => {
      const token = await gone.idToken({ sub: 'bob' }, { nowMs: clock.now() });
      expect(await rejection(getId({ [gone.key]: token }))).toMatchObject({
        name: 'ExternalServiceException',
        message: `Couldn't verify the token with ${gone.key}: the provider did not answer as expected.`,
      });
    });

    it('refuses another audience, another key and a mismatched issuer', async () => {
      const nowMs = clock.now();
      expect(await rejection(getId({ [provider.key]: await provider.idToken({ sub: 'x', aud: 'someone-else' }, { nowMs }) }))).toMatchObject(
        notAuthorized('Invalid login token. Incorrect token audience.'),
      );
      const { privateKey } = await generateKeyPair('RS256');
      expect(await rejection(getId({ [provider.key]: await provider.idToken({ sub: 'x' }, { nowMs, key: privateKey }) }))).toMatchObject(
        notAuthorized("Invalid login token. Couldn't verify signed token."),
      );
      const user = await signedInUser();
      expect(await rejection(getId({ [provider.key]: user.idToken }))).toMatchObject(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
    });

    it('links logins of several providers to one identity', async () => {
      const user = await signedInUser();
      const oidc = { [provider.key]: await provider.idToken({ sub: `linked-${Date.now()}` }, { nowMs: clock.now() }) };
      const { IdentityId } = await getId(user.logins);
      expect((await credentialsFor(IdentityId!, { ...user.logins, ...oidc })).IdentityId).toBe(IdentityId);
      expect((await describeIdentity(IdentityId!)).Logins!.sort()).toEqual([provider.key, userPoolProvider].sort());
      expect((await getId(oidc)).IdentityId).toBe(IdentityId);
    });

    it('UnlinkIdentity removes a provider when a remaining login proves the caller; the last one disables the identity', async () => {
      const user = await signedInUser();
      const oidc = { [provider.key]: await provider.idToken({ sub: `unlink-${Date.now()}` }, { nowMs: clock.now() }) };
      const { IdentityId } = await getId({ ...user.logins, ...oidc });
      const someoneElse = await signedInUser();
      expect(await rejection(stranger().send(new UnlinkIdentityCommand({ IdentityId, Logins: someoneElse.logins, LoginsToRemove: [provider.key] })))).toMatchObject(
        notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool."),
      );
      await stranger().send(new UnlinkIdentityCommand({ IdentityId, Logins: oidc, LoginsToRemove: [userPoolKey()] }));
      expect((await describeIdentity(IdentityId!)).Logins).toEqual([provider.key]);
      await stranger().send(new UnlinkIdentityCommand({ IdentityId, Logins: oidc, LoginsToRemove: [provider.key] }));
      expect(await rejection(credentialsFor(IdentityId!, oidc))).toMatchObject(notAuthorized(`Access to Identity '${IdentityId}' is forbidden.`));
      const listed = await identity().send(new ListIdentitiesCommand({ IdentityPoolId: guestPoolId, MaxResults: 60, HideDisabled: true }));
      expect(listed.Identities!.map((i) => i.IdentityId)).not.toContain(IdentityId);
      expect((await getId(user.logins)).IdentityId).not.toBe(IdentityId);
    });
  });

  describe('OpenID tokens', () => {
    it('GetOpenIdToken issues a ten-minute token under <public URL>/identity that verifies against its JWKS and works as a login', async () => {
      const user = await signedInUser();
      const { IdentityId } = await getId(user.logins);
      const { Token, IdentityId: same } = await stranger().send(new GetOpenIdTokenCommand({ IdentityId, Logins: user.logins }));
      expect(same).toBe(IdentityId);
      const discovery = await (await fetch(`${server.url}/identity/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({ issuer: `${server.url}/identity`, jwks_uri: `${server.url}/identity/.well-known/jwks.json` });
      const { payload, protectedHeader } = await jwtVerify(Token!, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
        issuer: `${server.url}/identity`,
        audience: guestPoolId,
        currentDate: new Date(clock.now()),
      });
      expect(protectedHeader.alg).toBe('RS512');
      expect(payload).toMatchObject({ sub: IdentityId, amr: ['authenticated', userPoolProvider, `${userPoolProvider}:${guestPoolId}:${user.sub}`] });
      expect(payload.exp! - payload.iat!).toBe(600);
      const result = await credentialsFor(IdentityId!, { 'cognito-identity.amazonaws.com': Token! });
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
      const { Token: guestToken } = await stranger().send(new GetOpenIdTokenCommand({ IdentityId: (await getId()).IdentityId }));
      expect(decodePayload(guestToken!).amr).toEqual(['unauthenticated']);
    });
  });

  describe('developer-authenticated identities', () => {
    const developerToken = (user: string, extra: { IdentityId?: string; TokenDuration?: number } = {}) =>
      identity().send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: guestPoolId, Logins: { [developerProvider]: user }, ...extra }));
    const lookup = (request: { IdentityId?: string; DeveloperUserIdentifier?: string }) =>
      identity().send(new LookupDeveloperIdentityCommand({ IdentityPoolId: guestPoolId, ...request }));

    it('registers a developer user once, links more users, looks them up, merges and unlinks them', async () => {
      const tag = Date.now();
      const first = await developerToken(`dev-${tag}-1`, { TokenDuration: 120 });
      expect(first.IdentityId).toMatch(identityIdPattern);
      const claims = decodePayload(first.Token!);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
      expect((await developerToken(`dev-${tag}-1`)).IdentityId).toBe(first.IdentityId);
      await developerToken(`dev-${tag}-2`, { IdentityId: first.IdentityId });
      expect(await lookup({ DeveloperUserIdentifier: `dev-${tag}-2` })).toMatchObject({ IdentityId: first.IdentityId, DeveloperUserIdentifierList: [`dev-${tag}-1`, `dev-${tag}-2`] });

      const other = await developerToken(`dev-${tag}-3`);
      expect(await rejection(developerToken(`dev-${tag}-1`, { IdentityId: other.IdentityId }))).toMatchObject({ name: 'DeveloperUserAlreadyRegisteredException' });
      expect(await rejection(lookup({ IdentityId: other.IdentityId, DeveloperUserIdentifier: `dev-${tag}-1` }))).toMatchObject({ name: 'ResourceConflictException' });
      const merged = await identity().send(
        new MergeDeveloperIdentitiesCommand({ IdentityPoolId: guestPoolId, DeveloperProviderName: developerProvider, SourceUserIdentifier: `dev-${tag}-3`, DestinationUserIdentifier: `dev-${tag}-1` }),
      );
      expect(merged.IdentityId).toBe(first.IdentityId);
      expect((await lookup({ DeveloperUserIdentifier: `dev-${tag}-3` })).IdentityId).toBe(first.IdentityId);
      expect(await rejection(describeIdentity(other.IdentityId!))).toMatchObject({ name: 'ResourceNotFoundException' });

      const unlink = (user: string) =>
        identity().send(new UnlinkDeveloperIdentityCommand({ IdentityId: first.IdentityId, IdentityPoolId: guestPoolId, DeveloperProviderName: developerProvider, DeveloperUserIdentifier: user }));
      await unlink(`dev-${tag}-2`);
      expect((await lookup({ IdentityId: first.IdentityId })).DeveloperUserIdentifierList).toEqual([`dev-${tag}-1`, `dev-${tag}-3`]);
      expect(await rejection(unlink(`dev-${tag}-2`))).toMatchObject({ name: 'ResourceNotFoundException' });
      expect(await rejection(lookup({ DeveloperUserIdentifier: `dev-${tag}-2` }))).toMatchObject({ name: 'ResourceNotFoundException' });
      expect(await rejection(lookup({}))).toMatchObject({ name: 'InvalidParameterException' });
    });

    it('the developer token is a login for GetCredentialsForIdentity; the developer operations need a signature', async () => {
      const { IdentityId, Token } = await developerToken(`dev-${Date.now()}-creds`);
      const result = await stranger().send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { 'cognito-identity.amazonaws.com': Token! } }));
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
      expect(await rejection(stranger().send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: guestPoolId, Logins: { [developerProvider]: 'x' } })))).toMatchObject({
        name: 'UnrecognizedClientException',
      });
      expect(await rejection(getId({ [developerProvider]: 'someone' }))).toMatchObject(notAuthorized('Token is not from a supported provider of this identity pool.'));
    });
  });

  describe('roles', () => {
    const groupRole = 'arn:aws:iam::000000000000:role/identity-group';
    const redRole = 'arn:aws:iam::000000000000:role/identity-red';
    const mappingKey = `${userPoolProvider}:publicclient1`;
    const poolWithMapping = async (RoleMappings: Record<string, object>) => {
      const { IdentityPoolId } = await identity().send(
        new CreateIdentityPoolCommand({ IdentityPoolName: 'mapped', AllowUnauthenticatedIdentities: false, CognitoIdentityProviders: [{ ProviderName: userPoolProvider, ClientId: 'publicclient1' }] }),
      );
      await identity().send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: authenticatedRole }, RoleMappings: RoleMappings as never }));
      return IdentityPoolId!;
    };
    const roleFor = async (IdentityPoolId: string, logins: Record<string, string>) => {
      const { IdentityId } = await getId(logins, IdentityPoolId);
      return roleOf((await credentialsFor(IdentityId!, logins)).Credentials!);
    };

    it('Token mappings take cognito:preferred_role from the ID token', async () => {
      const poolId = await poolWithMapping({ [mappingKey]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } });
      const idp = sdkClient(server);
      const group = `identity-group-${dialect}`;
      await idp.send(new CreateGroupCommand({ UserPoolId: 'us-east-1_TestPool1', GroupName: group, RoleArn: groupRole, Precedence: 1 }));
      const member = await confirmedUser(server, idp, uniqueEmail('member'));
      await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: 'us-east-1_TestPool1', Username: member.email, GroupName: group }));
      const { IdToken } = await passwordSignIn(server, member.email, idp);
      expect(await roleFor(poolId, { [userPoolKey()]: IdToken! })).toBe(groupRole);
      expect(await roleFor(poolId, (await signedInUser()).logins)).toBe(authenticatedRole);
    });

    it('Rules mappings match claims in order; with Deny an unmatched user is refused', async () => {
      const rules = { Rules: [{ Claim: 'email', MatchType: 'StartsWith', Value: 'red-', RoleARN: redRole }] };
      const poolId = await poolWithMapping({ [mappingKey]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: rules } });
      expect(await roleFor(poolId, (await signedInUser(uniqueEmail('red'))).logins)).toBe(redRole);
      const blue = await signedInUser(uniqueEmail('blue'));
      const { IdentityId } = await getId(blue.logins, poolId);
      expect(await rejection(credentialsFor(IdentityId!, blue.logins))).toMatchObject(notAuthorized(`The ambiguous role mapping rules for: ${userPoolKey()} denied this request.`));
    });

    it('SetIdentityPoolRoles refuses mappings of providers the pool does not trust', async () => {
      expect(
        await rejection(
          identity().send(new SetIdentityPoolRolesCommand({ IdentityPoolId: membersPoolId, Roles: {}, RoleMappings: { 'graph.facebook.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } })),
        ),
      ).toMatchObject({ name: 'InvalidParameterException', message: 'graph.facebook.com is not a valid RoleMapping ProviderName or is not a configured provider.' });
      expect(await identity().send(new GetIdentityPoolRolesCommand({ IdentityPoolId: membersPoolId }))).toMatchObject({ IdentityPoolId: membersPoolId, Roles: { authenticated: authenticatedRole } });
    });
  });

  describe('administration', () => {
    it('creates, describes, updates, lists and deletes identity pools', async () => {
      const created = await identity().send(
        new CreateIdentityPoolCommand({ IdentityPoolName: 'admin pool', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'dev.admin', IdentityPoolTags: { team: 'a' } }),
      );
      expect(created).toMatchObject({ IdentityPoolId: expect.stringMatching(identityIdPattern), IdentityPoolName: 'admin pool', AllowUnauthenticatedIdentities: false, AllowClassicFlow: false });
      const IdentityPoolId = created.IdentityPoolId!;
      expect(await identity().send(new DescribeIdentityPoolCommand({ IdentityPoolId }))).toMatchObject({ DeveloperProviderName: 'dev.admin', IdentityPoolTags: { team: 'a' } });
      const updated = await identity().send(new UpdateIdentityPoolCommand({ IdentityPoolId, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true }));
      expect(updated).toMatchObject({ IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'dev.admin' });
      expect(updated.IdentityPoolTags).toBeUndefined();
      expect(
        await rejection(identity().send(new UpdateIdentityPoolCommand({ IdentityPoolId, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'other.dev' }))),
      ).toMatchObject({ name: 'InvalidParameterException' });

      const names: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await identity().send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken }));
        names.push(...page.IdentityPools!.map((pool) => pool.IdentityPoolName!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(names).toEqual(expect.arrayContaining(['guests and users', 'members only', 'renamed']));

      await identity().send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
      expect(await rejection(identity().send(new DescribeIdentityPoolCommand({ IdentityPoolId })))).toMatchObject({ name: 'ResourceNotFoundException', message: `IdentityPool '${IdentityPoolId}' not found.` });
      expect(await rejection(identity().send(new DeleteIdentityPoolCommand({ IdentityPoolId })))).toMatchObject({ name: 'ResourceNotFoundException' });
    });

    it('validates requests and refuses unknown OpenID Connect providers', async () => {
      expect(await rejection(identity().send(new CreateIdentityPoolCommand({ IdentityPoolName: 'bad/name', AllowUnauthenticatedIdentities: true })))).toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringMatching(/^1 validation error detected: Value 'bad\/name' at 'identityPoolName' failed to satisfy constraint/),
      });
      const arn = 'arn:aws:iam::000000000000:oidc-provider/unknown.example';
      expect(
        await rejection(identity().send(new CreateIdentityPoolCommand({ IdentityPoolName: 'oidc', AllowUnauthenticatedIdentities: true, OpenIdConnectProviderARNs: [arn] }))),
      ).toMatchObject({ name: 'InvalidParameterException', message: `${arn} is not a declared OpenID Connect provider.` });
    });

    it('lists identities a page at a time and deletes them', async () => {
      const { IdentityPoolId } = await identity().send(new CreateIdentityPoolCommand({ IdentityPoolName: 'listing', AllowUnauthenticatedIdentities: true }));
      const ids = [(await getId(undefined, IdentityPoolId)).IdentityId!, (await getId(undefined, IdentityPoolId)).IdentityId!];
      const first = await identity().send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 1 }));
      expect(first).toMatchObject({ IdentityPoolId, Identities: [{ IdentityId: expect.any(String), Logins: [] }], NextToken: expect.any(String) });
      const second = await identity().send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 1, NextToken: first.NextToken }));
      expect([first.Identities![0]!.IdentityId, second.Identities![0]!.IdentityId].sort()).toEqual([...ids].sort());
      expect(await identity().send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: ids }))).toMatchObject({ UnprocessedIdentityIds: [] });
      expect((await identity().send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities).toEqual([]);
    });

    it('admin operations need a cognito-identity signature by an admin key', async () => {
      const post = (headers: Record<string, string>) =>
        fetch(`${server.url}/identity`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body: JSON.stringify({ MaxResults: 1 }) });
      const answer = await post({ 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
      expect(await rejection(stranger().send(new ListIdentityPoolsCommand({ MaxResults: 1 })))).toMatchObject({ name: 'UnrecognizedClientException' });
      const guest = await (await fetch(`${server.url}/anything`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
        body: JSON.stringify({ IdentityPoolId: guestPoolId, Logins: {} }),
      })).json();
      expect(guest.IdentityId).toMatch(identityIdPattern);
    });

    it('amplify_outputs.json names the identity pool that trusts the first user pool', async () => {
      const outputs = JSON.parse(await readFile(join(dataDir, 'amplify_outputs.json'), 'utf8'));
      expect(outputs.auth).toMatchObject({ user_pool_id: 'us-east-1_TestPool1', identity_pool_id: guestPoolId, unauthenticated_identities_enabled: true });
    });
  });

  describe('token expiry', () => {
    it('answers an expired login token with the time it expired', async () => {
      const user = await signedInUser();
      const exp = Number(decodePayload(user.idToken).exp);
      clock.advance(2 * 3600_000);
      const now = Math.floor(clock.now() / 1000);
      expect(await rejection(getId(user.logins))).toMatchObject(notAuthorized(`Invalid login token. Token expired: ${now} >= ${exp}`));
      const { IdToken } = await passwordSignIn(server, user.email, sdkClient(server));
      expect((await getId({ [userPoolKey()]: IdToken! })).IdentityId).toMatch(identityIdPattern);
    });
  });
});
