// The public providers of an identity pool's SupportedLoginProviders through
// @aws-sdk/client-cognito-identity against a real server: Facebook and Login with Amazon access tokens
// inspected by stand-ins on loopback, Google and Apple ID tokens from loopback OpenID providers that
// claim the real issuers, and the refusals Cognito answers when a provider says no or says nothing.
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import { defaultLoginProviders } from '../../src/config/settings.js';
import { findVendedCredentials } from '../../src/identitypool/credentials.js';
import type { RunningServer } from '../../src/server.js';
import { startAmazonStandIn, startFacebookStandIn, type AccessTokenProvider } from '../support/access-token-providers.js';
import { dialects } from '../support/databases.js';
import { startOpenIdProvider, type OpenIdProvider } from '../support/openid-provider.js';
import { rejection } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const poolId = 'us-east-1:20000000-0000-4000-8000-000000000001';
const authenticatedRole = 'arn:aws:iam::000000000000:role/public-authenticated';
const guestRole = 'arn:aws:iam::000000000000:role/public-guest';
const facebookApp = '100000000000001';
const amazonApp = 'amzn1.application.standin1';
const googleClient = 'standin.apps.googleusercontent.com';
const appleServices = 'com.example.standin';
const identityIdPattern = /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Short, so a provider that never answers is given up on quickly; loopback stand-ins answer in far less. */
const providerTimeoutMs = 500;
const notAuthorized = (message: string) => ({ name: 'NotAuthorizedException', message, status: 400 });
const unavailable = (key: string) => ({ name: 'ExternalServiceException', message: `Couldn't verify the token with ${key}: the provider did not answer as expected.`, status: 400 });

const config: ConfigFile = {
  ...testConfig,
  IdentityPools: [
    {
      Id: poolId,
      IdentityPoolName: 'public providers',
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: {
        'graph.facebook.com': facebookApp,
        'www.amazon.com': amazonApp,
        'accounts.google.com': `other.apps.googleusercontent.com,${googleClient}`,
        'appleid.apple.com': appleServices,
        'api.twitter.com': 'consumer-key;consumer-secret',
      },
      Roles: { authenticated: authenticatedRole, unauthenticated: guestRole },
    },
  ],
};

describe.each(dialects)('public login providers through the AWS SDK (%s)', (dialect) => {
  const clock = new ManualClock();
  let server: RunningServer;
  let facebook: AccessTokenProvider;
  let amazon: AccessTokenProvider;
  let google: OpenIdProvider;
  let apple: OpenIdProvider;
  let userCount = 0;
  const newUser = (prefix: string) => `${prefix}${dialect}${++userCount}${Date.now()}`;

  /** The operations a browser calls are not signed: any key will do. */
  const identity = () => new CognitoIdentityClient({ region: 'us-east-1', endpoint: `${server.url}/identity`, credentials: { accessKeyId: 'AKIDANY', secretAccessKey: 'x' }, maxAttempts: 1 });
  const admin = () =>
    new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: `${server.url}/identity`,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
      systemClockOffset: clock.now() - Date.now(),
    });
  const getId = (Logins?: Record<string, string>, IdentityPoolId = poolId) => identity().send(new GetIdCommand({ IdentityPoolId, Logins }));
  const credentialsFor = (IdentityId: string, Logins?: Record<string, string>) => identity().send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  const loginsOf = async (IdentityId: string) => (await admin().send(new DescribeIdentityCommand({ IdentityId }))).Logins;
  const roleOf = async (credentials: { AccessKeyId?: string; SessionToken?: string }) =>
    (await findVendedCredentials(server.context, credentials.SessionToken!, credentials.AccessKeyId!))?.roleArn;

  beforeAll(async () => {
    [facebook, amazon, google, apple] = await Promise.all([
      startFacebookStandIn(),
      startAmazonStandIn(),
      startOpenIdProvider({ audience: googleClient, tokenIssuer: 'https://accounts.google.com' }),
      startOpenIdProvider({ audience: appleServices, tokenIssuer: 'https://appleid.apple.com' }),
    ]);
    server = await startTestServer(dialect, {
      config,
      clock,
      loginProviders: { facebookGraphUrl: facebook.url, amazonApiUrl: amazon.url, googleIssuerUrl: google.issuer, appleIssuerUrl: apple.issuer, timeoutMs: providerTimeoutMs },
    });
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([facebook?.close(), amazon?.close(), google?.close(), apple?.close()]);
  });

  describe('Facebook', () => {
    it("a token of the pool's app gets an identity and authenticated-role credentials; the same user gets the same identity", async () => {
      const user = newUser('1');
      const token = facebook.issue({ user, app: facebookApp });
      const { IdentityId } = await getId({ 'graph.facebook.com': token });
      expect(IdentityId).toMatch(identityIdPattern);
      expect(await loginsOf(IdentityId!)).toEqual(['graph.facebook.com']);
      const result = await credentialsFor(IdentityId!, { 'graph.facebook.com': token });
      expect(result.IdentityId).toBe(IdentityId);
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
      expect((await getId({ 'graph.facebook.com': facebook.issue({ user, app: facebookApp }) })).IdentityId).toBe(IdentityId);
      expect((await getId({ 'graph.facebook.com': facebook.issue({ user: newUser('1'), app: facebookApp }) })).IdentityId).not.toBe(IdentityId);
    });

    it('asks Facebook once for a token used by GetId and GetCredentialsForIdentity, and again after half a minute', async () => {
      const token = facebook.issue({ user: newUser('1'), app: facebookApp });
      const before = facebook.asked.length;
      const { IdentityId } = await getId({ 'graph.facebook.com': token });
      await credentialsFor(IdentityId!, { 'graph.facebook.com': token });
      expect(facebook.asked.slice(before).sort()).toEqual(['/app', '/me']);
      clock.advance(30_001);
      await credentialsFor(IdentityId!, { 'graph.facebook.com': token });
      expect(facebook.asked.slice(before).sort()).toEqual(['/app', '/app', '/me', '/me']);
    });

    it('refuses a token issued to another app', async () => {
      const token = facebook.issue({ user: newUser('1'), app: '100000000000999' });
      expect(await rejection(getId({ 'graph.facebook.com': token }))).toEqual(notAuthorized('Invalid login token. Incorrect token audience.'));
    });

    it('refuses tokens Facebook does not accept: unknown, and expired', async () => {
      expect(await rejection(getId({ 'graph.facebook.com': 'EAABnot-a-token' }))).toEqual(notAuthorized('Invalid login token. The provider did not accept the token.'));
      expect(await rejection(getId({ 'graph.facebook.com': facebook.faulty('expired') }))).toEqual(notAuthorized('Invalid login token. Token is expired.'));
    });

    it('refuses when Facebook answers 500, not JSON, or too much', async () => {
      const unverifiable = unavailable('graph.facebook.com');
      for (const fault of ['server-error', 'not-json', 'oversized'] as const) {
        expect(await rejection(getId({ 'graph.facebook.com': facebook.faulty(fault) }))).toEqual(unverifiable);
      }
    });

    it('refuses when Facebook does not answer within the timeout', async () => {
      const started = Date.now();
      expect(await rejection(getId({ 'graph.facebook.com': facebook.faulty('silent') }))).toEqual(unavailable('graph.facebook.com'));
      expect(Date.now() - started).toBeLessThan(defaultLoginProviders.timeoutMs);
    });

    it('links a Facebook login to an existing identity, which the Facebook login alone then finds', async () => {
      const amazonLogin = { 'www.amazon.com': amazon.issue({ user: newUser('amzn1.account.'), app: amazonApp }) };
      const facebookLogin = { 'graph.facebook.com': facebook.issue({ user: newUser('1'), app: facebookApp }) };
      const { IdentityId } = await getId(amazonLogin);
      expect((await credentialsFor(IdentityId!, { ...amazonLogin, ...facebookLogin })).IdentityId).toBe(IdentityId);
      expect((await loginsOf(IdentityId!))!.sort()).toEqual(['graph.facebook.com', 'www.amazon.com']);
      expect((await getId(facebookLogin)).IdentityId).toBe(IdentityId);
    });

    it('a guest who signs in with Facebook keeps the guest identity id', async () => {
      const { IdentityId: guest } = await getId();
      const facebookLogin = { 'graph.facebook.com': facebook.issue({ user: newUser('1'), app: facebookApp }) };
      const result = await credentialsFor(guest!, facebookLogin);
      expect(result.IdentityId).toBe(guest);
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
      expect(await loginsOf(guest!)).toEqual(['graph.facebook.com']);
    });
  });

  describe('Login with Amazon', () => {
    it("a token of the pool's app gets an identity and authenticated-role credentials; the same user gets the same identity", async () => {
      const user = newUser('amzn1.account.');
      const token = amazon.issue({ user, app: amazonApp });
      const { IdentityId } = await getId({ 'www.amazon.com': token });
      expect(IdentityId).toMatch(identityIdPattern);
      const result = await credentialsFor(IdentityId!, { 'www.amazon.com': token });
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
      expect(await loginsOf(IdentityId!)).toEqual(['www.amazon.com']);
      expect((await getId({ 'www.amazon.com': amazon.issue({ user, app: amazonApp }) })).IdentityId).toBe(IdentityId);
    });

    it("a pool may name the app by its OAuth client id (tokeninfo's aud) instead of its security profile", async () => {
      const client = 'amzn1.application-oa2-client.standin2';
      const { IdentityPoolId } = await admin().send(
        new CreateIdentityPoolCommand({ IdentityPoolName: 'amazon by client', AllowUnauthenticatedIdentities: false, SupportedLoginProviders: { 'www.amazon.com': client } }),
      );
      const token = amazon.issue({ user: newUser('amzn1.account.'), app: 'amzn1.application.standin2', client });
      expect((await getId({ 'www.amazon.com': token }, IdentityPoolId)).IdentityId).toMatch(identityIdPattern);
    });

    it('refuses a token of another app, unknown and expired tokens', async () => {
      const otherApp = amazon.issue({ user: newUser('amzn1.account.'), app: 'amzn1.application.someone-else' });
      expect(await rejection(getId({ 'www.amazon.com': otherApp }))).toEqual(notAuthorized('Invalid login token. Incorrect token audience.'));
      expect(await rejection(getId({ 'www.amazon.com': 'Atza|not-a-token' }))).toEqual(notAuthorized('Invalid login token. The provider did not accept the token.'));
      expect(await rejection(getId({ 'www.amazon.com': amazon.faulty('expired') }))).toEqual(notAuthorized('Invalid login token. Token is expired.'));
    });

    it('refuses when Login with Amazon answers 500 or not JSON, or does not answer within the timeout', async () => {
      const unverifiable = unavailable('www.amazon.com');
      for (const fault of ['server-error', 'not-json', 'silent'] as const) {
        expect(await rejection(getId({ 'www.amazon.com': amazon.faulty(fault) }))).toEqual(unverifiable);
      }
    });
  });

  describe('Google and Sign in with Apple', () => {
    it("verifies Google ID tokens against the keys behind the configured discovery URL; Google's issuer comes with or without the scheme", async () => {
      const sub = newUser('google-');
      const { IdentityId } = await getId({ 'accounts.google.com': await google.idToken({ sub }, { nowMs: clock.now() }) });
      expect(IdentityId).toMatch(identityIdPattern);
      expect(await loginsOf(IdentityId!)).toEqual(['accounts.google.com']);
      const schemeless = await google.idToken({ sub }, { nowMs: clock.now(), issuer: 'accounts.google.com' });
      const result = await credentialsFor(IdentityId!, { 'accounts.google.com': schemeless });
      expect(result.IdentityId).toBe(IdentityId);
      expect(await roleOf(result.Credentials!)).toBe(authenticatedRole);
    });

    it('refuses Google tokens that claim another issuer, another client, another key, or have expired', async () => {
      const nowMs = clock.now();
      for (const issuer of [google.issuer, 'http://accounts.google.com', 'https://accounts.google.com/']) {
        const token = await google.idToken({ sub: 'x' }, { nowMs, issuer });
        expect(await rejection(getId({ 'accounts.google.com': token }))).toEqual(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
      }
      const otherClient = await google.idToken({ sub: 'x', aud: 'someone-else.apps.googleusercontent.com' }, { nowMs });
      expect(await rejection(getId({ 'accounts.google.com': otherClient }))).toEqual(notAuthorized('Invalid login token. Incorrect token audience.'));
      const { privateKey } = await generateKeyPair('RS256');
      const otherKey = await google.idToken({ sub: 'x' }, { nowMs, key: privateKey });
      expect(await rejection(getId({ 'accounts.google.com': otherKey }))).toEqual(notAuthorized("Invalid login token. Couldn't verify signed token."));
      const issuedMs = nowMs - 2 * 3600_000;
      const expired = await google.idToken({ sub: 'x' }, { nowMs: issuedMs });
      const nowSeconds = Math.floor(nowMs / 1000);
      expect(await rejection(getId({ 'accounts.google.com': expired }))).toEqual(notAuthorized(`Invalid login token. Token expired: ${nowSeconds} >= ${Math.floor(issuedMs / 1000) + 3600}`));
    });

    it("verifies Apple ID tokens issued to the pool's services id; only Apple's issuer, as Apple writes it, is Apple's", async () => {
      const sub = newUser('001234.');
      const token = await apple.idToken({ sub }, { nowMs: clock.now() });
      const { IdentityId } = await getId({ 'appleid.apple.com': token });
      expect(IdentityId).toMatch(identityIdPattern);
      expect((await getId({ 'appleid.apple.com': await apple.idToken({ sub }, { nowMs: clock.now() }) })).IdentityId).toBe(IdentityId);
      expect(await roleOf((await credentialsFor(IdentityId!, { 'appleid.apple.com': token })).Credentials!)).toBe(authenticatedRole);
      const googleToken = await google.idToken({ sub }, { nowMs: clock.now() });
      expect(await rejection(getId({ 'appleid.apple.com': googleToken }))).toEqual(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
      const schemeless = await apple.idToken({ sub }, { nowMs: clock.now(), issuer: 'appleid.apple.com' });
      expect(await rejection(getId({ 'appleid.apple.com': schemeless }))).toEqual(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
    });
  });

  it('still refuses providers whose tokens this server cannot verify', async () => {
    expect(await rejection(getId({ 'api.twitter.com': 'token;secret' }))).toEqual(notAuthorized('Invalid login token. Tokens of api.twitter.com cannot be verified by this server.'));
  });
});
