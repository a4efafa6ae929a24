import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { confirmedUser, decodePayload, passwordSignIn, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

describe.each(dialects)('refresh, revocation and access tokens through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const refreshAuth = (REFRESH_TOKEN: string, ClientId = 'publicclient1') =>
    client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } }));
  const getTokens = (RefreshToken: string, ClientId = 'publicclient1') => client().send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken }));
  const signInWith = async (ClientId: string) => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AuthenticationResult } = await client().send(
      new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword } }),
    );
    return AuthenticationResult!;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig, clock });
  });
  afterAll(() => server.close());

  it.each(['REFRESH_TOKEN_AUTH', 'GetTokensFromRefreshToken'])('refreshes with %s: new tokens of the same authentication, no refresh token without rotation', async (how) => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const first = await passwordSignIn(server, email);
    clock.advance(60_000);
    const refreshed = how === 'REFRESH_TOKEN_AUTH' ? (await refreshAuth(first.RefreshToken!)).AuthenticationResult! : (await getTokens(first.RefreshToken!)).AuthenticationResult!;
    expect(Object.keys(refreshed).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    const before = decodePayload(first.AccessToken!);
    const after = decodePayload(refreshed.AccessToken!);
    expect(after).toMatchObject({ origin_jti: before.origin_jti, auth_time: before.auth_time, sub: before.sub, iat: (before.iat as number) + 60 });
    expect(after.jti).not.toBe(before.jti);
    expect(decodePayload(refreshed.IdToken!)).toMatchObject({ origin_jti: before.origin_jti, token_use: 'id' });
  });

  it('rotates refresh tokens: the old one is refused once replaced', async () => {
    const first = await signInWith('rotatingclient1');
    const rotated = (await getTokens(first.RefreshToken!, 'rotatingclient1')).AuthenticationResult!;
    expect(rotated.RefreshToken).toBeDefined();
    expect(rotated.RefreshToken).not.toBe(first.RefreshToken);
    expect((await rejection(getTokens(first.RefreshToken!, 'rotatingclient1'))).name).toBe('RefreshTokenReuseException');
    expect((await getTokens(rotated.RefreshToken!, 'rotatingclient1')).AuthenticationResult!.RefreshToken).toBeDefined();
  });

  it('refuses a replaced refresh token to a process whose clock is behind the one that replaced it', async () => {
    const first = await signInWith('rotatingclient1');
    await getTokens(first.RefreshToken!, 'rotatingclient1');
    clock.advance(-1_000);
    try {
      expect((await rejection(getTokens(first.RefreshToken!, 'rotatingclient1'))).name).toBe('RefreshTokenReuseException');
    } finally {
      clock.advance(1_000);
    }
  });

  it('honours a rotated refresh token once when it is sent concurrently with no grace period', async () => {
    const first = await signInWith('rotatingclient1');
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => getTokens(first.RefreshToken!, 'rotatingclient1')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const failure of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
      expect(failure.reason.name).toBe('RefreshTokenReuseException');
    }
  });

  it('keeps a replaced refresh token working for RetryGracePeriodSeconds', async () => {
    const first = await signInWith('graceclient1');
    await getTokens(first.RefreshToken!, 'graceclient1');
    clock.advance(9_000);
    expect((await getTokens(first.RefreshToken!, 'graceclient1')).AuthenticationResult!.RefreshToken).toBeDefined();
    clock.advance(1_000);
    expect((await rejection(getTokens(first.RefreshToken!, 'graceclient1'))).name).toBe('RefreshTokenReuseException');
  });

  it('refuses unknown, foreign-client and expired refresh tokens', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { RefreshToken } = await passwordSignIn(server, email);
    expect(await rejection(refreshAuth('not-a-refresh-token'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    expect(await rejection(refreshAuth(RefreshToken!, 'legacyclient1'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    clock.advance(30 * 86_400_000);
    expect(await rejection(refreshAuth(RefreshToken!))).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has expired' });
  });

  it('RevokeToken ends the refresh token and the access tokens issued from it, and nothing else', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const revoked = await passwordSignIn(server, email);
    const other = await passwordSignIn(server, email);
    const result = await client().send(new RevokeTokenCommand({ ClientId: 'publicclient1', Token: revoked.RefreshToken! }));
    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(await rejection(refreshAuth(revoked.RefreshToken!))).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    expect(await rejection(client().send(new GetUserCommand({ AccessToken: revoked.AccessToken! })))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await client().send(new GetUserCommand({ AccessToken: other.AccessToken! }))).Username).toBeDefined();
  });

  it('GlobalSignOut ends every session of the user', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const one = await passwordSignIn(server, email);
    const two = await passwordSignIn(server, email);
    await client().send(new GlobalSignOutCommand({ AccessToken: one.AccessToken! }));
    for (const session of [one, two]) {
      expect((await rejection(refreshAuth(session.RefreshToken!))).name).toBe('NotAuthorizedException');
      expect(await rejection(client().send(new GetUserCommand({ AccessToken: session.AccessToken! })))).toMatchObject({ message: 'Access Token has been revoked' });
    }
  });

  it('refuses expired, malformed and forged access tokens', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    expect(await rejection(client().send(new GetUserCommand({ AccessToken: 'garbage' })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const claims = decodePayload(AccessToken!);
    const header = JSON.parse(Buffer.from(AccessToken!.split('.')[0]!, 'base64url').toString());
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader(header).sign(privateKey);
    expect(await rejection(client().send(new GetUserCommand({ AccessToken: forged })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    clock.advance(3600_000);
    expect(await rejection(client().send(new GetUserCommand({ AccessToken: AccessToken! })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has expired' });
  });

  it('names the user groups in both tokens, with the preferred role from the lowest precedence', async () => {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    const now = clock.now();
    const group = (name: string, precedence: number, role_arn: string | null) => ({ pool_id: 'us-east-1_TestPool1', name: `${name}-${sub}`, description: null, role_arn, precedence, created_at: now, updated_at: now });
    await server.context.db.insertInto('groups').values([group('readers', 5, 'arn:aws:iam::123456789012:role/readers'), group('admins', 1, 'arn:aws:iam::123456789012:role/admins')]).execute();
    await server.context.db.insertInto('group_members').values(['readers', 'admins'].map((g) => ({ pool_id: 'us-east-1_TestPool1', group_name: `${g}-${sub}`, sub }))).execute();
    const { IdToken, AccessToken } = await passwordSignIn(server, email);
    expect(decodePayload(IdToken!)).toMatchObject({
      'cognito:groups': [`admins-${sub}`, `readers-${sub}`],
      'cognito:roles': ['arn:aws:iam::123456789012:role/admins', 'arn:aws:iam::123456789012:role/readers'],
      'cognito:preferred_role': 'arn:aws:iam::123456789012:role/admins',
    });
    expect(decodePayload(AccessToken!)['cognito:groups']).toEqual([`admins-${sub}`, `readers-${sub}`]);
  });

  it('refuses an ID token where an access token is required', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { IdToken } = await passwordSignIn(server, email);
    expect(await rejection(client().send(new GetUserCommand({ AccessToken: IdToken! })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });

  it('requires the client secret for GetTokensFromRefreshToken on a confidential client', async () => {
    const first = await signInWithSecret();
    expect(await rejection(getTokens(first.RefreshToken!, 'secretclient1'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Unable to verify secret hash for client secretclient1' });
    const ClientSecret = server.pools[0]!.clients.find((c) => c.ClientId === 'secretclient1')!.ClientSecret!;
    const result = await client().send(new GetTokensFromRefreshTokenCommand({ ClientId: 'secretclient1', RefreshToken: first.RefreshToken!, ClientSecret }));
    expect(result.AuthenticationResult!.AccessToken).toBeDefined();
  });

  async function signInWithSecret() {
    const { createHmac } = await import('node:crypto');
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const secret = server.pools[0]!.clients.find((c) => c.ClientId === 'secretclient1')!.ClientSecret!;
    const SECRET_HASH = createHmac('sha256', secret).update(`${email}secretclient1`).digest('base64');
    const { AuthenticationResult } = await client().send(
      new InitiateAuthCommand({ ClientId: 'secretclient1', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword, SECRET_HASH } }),
    );
    return AuthenticationResult!;
  }
});
