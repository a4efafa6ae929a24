// aws-amplify v6, unchanged, against a real Cognate server on loopback: the calls an app makes,
// with confirmation codes read from mail delivered over SMTP.
import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmSignUp,
  confirmUserAttribute,
  deleteUser,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resendSignUpCode,
  signIn,
  signOut,
  signUp,
  updateUserAttributes,
} from 'aws-amplify/auth';
import { Hub, defaultStorage } from 'aws-amplify/utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { startTestServer } from '../support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver.js';

const password = 'Correct-Horse-9';

describe.each(dialects)('aws-amplify v6 against Cognate on %s', (dialect) => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let poolId: string;
  let clientId: string;
  let sdk: CognitoIdentityProviderClient;
  /** Mails whose code a test already took, so the next wait is for a new mail. */
  const taken = new Set<ReceivedMail>();

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(dialect, { smtpUrl: smtp.url });
    poolId = server.pools[0]!.pool.Id;
    clientId = server.pools[0]!.clients[0]!.ClientId;
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.url } } });
    sdk = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    // Amplify keeps one signed-in user per process; every test starts signed out.
    await signOut();
  });

  afterAll(async () => {
    sdk?.destroy();
    await server?.close();
    await smtp?.close();
  });

  /** A fresh address per test: users never collide between tests or dialects. */
  const newEmail = () => `user-${randomUUID().slice(0, 8)}@example.com`;

  /** The code in the next mail to `address` that no test has read yet. */
  async function nextCode(address: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && !taken.has(m));
    taken.add(mail);
    expect(mail.subject).toBe('Your verification code');
    const match = /^Your verification code is (\d{6})\.$/.exec(mail.text);
    expect(match, `mail text: ${mail.text}`).not.toBeNull();
    return match![1]!;
  }

  /** Signs up and confirms through Amplify; returns the user's sub. */
  async function confirmedUser(email: string): Promise<string> {
    const { userId } = await signUp({ username: email, password, options: { userAttributes: { email } } });
    await confirmSignUp({ username: email, confirmationCode: await nextCode(email) });
    return userId!;
  }

  /** The refresh token Amplify stored for the signed-in user (its documented storage keys). */
  async function storedRefreshToken(): Promise<string> {
    const prefix = `CognitoIdentityServiceProvider.${clientId}`;
    const username = await defaultStorage.getItem(`${prefix}.LastAuthUser`);
    expect(username).toEqual(expect.any(String));
    const token = await defaultStorage.getItem(`${prefix}.${username}.refreshToken`);
    expect(token).toEqual(expect.any(String));
    return token!;
  }

  /** From now on, what Amplify sends to the server (it uses the global fetch): operation and body. */
  function recordRequests(): () => Array<{ operation: string; body: Record<string, unknown> }> {
    const spy = vi.spyOn(globalThis, 'fetch');
    return () =>
      spy.mock.calls
        .filter(([url]) => String(url).startsWith(server.url))
        .map(([, init]) => ({
          operation: (new Headers(init?.headers).get('x-amz-target') ?? '').replace('AWSCognitoIdentityProviderService.', ''),
          body: JSON.parse(String(init?.body)) as Record<string, unknown>,
        }));
  }

  const refreshWithSdk = (refreshToken: string) =>
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }));

  const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const epochSeconds = expect.any(Number);

  it('signUp returns CONFIRM_SIGN_UP with the email delivery details, and the code arrives by mail', async () => {
    const email = newEmail();
    const result = await signUp({ username: email, password, options: { userAttributes: { email } } });
    expect(result).toEqual({
      isSignUpComplete: false,
      userId: uuid,
      nextStep: {
        signUpStep: 'CONFIRM_SIGN_UP',
        codeDeliveryDetails: { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' },
      },
    });
    expect(await nextCode(email)).toMatch(/^\d{6}$/);
  });

  it('confirmSignUp with the code from the mail completes sign-up (DONE)', async () => {
    const email = newEmail();
    await signUp({ username: email, password, options: { userAttributes: { email } } });
    const result = await confirmSignUp({ username: email, confirmationCode: await nextCode(email) });
    expect(result).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
  });

  it('resendSignUpCode mails a new code, and the old code no longer works', async () => {
    const email = newEmail();
    await signUp({ username: email, password, options: { userAttributes: { email } } });
    const oldCode = await nextCode(email);

    const details = await resendSignUpCode({ username: email });
    expect(details).toEqual({ destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' });
    const newCode = await nextCode(email);

    await expect(confirmSignUp({ username: email, confirmationCode: oldCode })).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect(await confirmSignUp({ username: email, confirmationCode: newCode })).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
  });

  it('signIn with the default SRP flow signs in (isSignedIn, DONE)', async () => {
    const email = newEmail();
    await confirmedUser(email);
    const requests = recordRequests();
    expect(await signIn({ username: email, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(requests().map(({ operation, body }) => [operation, body.AuthFlow ?? body.ChallengeName])).toEqual([
      ['InitiateAuth', 'USER_SRP_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
    ]);
    expect((await getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'USER_SRP_AUTH' });
  });

  it('signIn with authFlowType USER_PASSWORD_AUTH signs in (isSignedIn, DONE)', async () => {
    const email = newEmail();
    await confirmedUser(email);
    const requests = recordRequests();
    const result = await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(requests().map(({ operation, body }) => [operation, body.AuthFlow])).toEqual([['InitiateAuth', 'USER_PASSWORD_AUTH']]);
    expect((await getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'USER_PASSWORD_AUTH' });
  });

  it('getCurrentUser gives the UUID username and the sub as userId, as in the ID token', async () => {
    const email = newEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    const user = await getCurrentUser();
    const { tokens } = await fetchAuthSession();
    expect(user).toEqual({ username: uuid, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
    // Email is the sign-in name, not the username: the pool's username is a UUID of its own.
    expect(user.username).not.toBe(email);
    expect(tokens!.idToken!.payload['cognito:username']).toBe(user.username);
    expect(tokens!.idToken!.payload.sub).toBe(user.userId);
  });

  it('fetchUserAttributes gives email, email_verified "true" and sub', async () => {
    const email = newEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    expect(await fetchUserAttributes()).toEqual({ email, email_verified: 'true', sub });
  });

  it('fetchAuthSession gives ID and access tokens with Cognito claims, iss = server URL + pool id', async () => {
    const email = newEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    const session = await fetchAuthSession();
    const username = (await getCurrentUser()).username;
    const iss = `${server.url}/${poolId}`;

    expect(session).toEqual({
      tokens: {
        accessToken: expect.anything(),
        idToken: expect.anything(),
        signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' },
      },
      userSub: sub,
      credentials: undefined,
      identityId: undefined,
    });
    const { accessToken, idToken } = session.tokens!;
    expect(idToken!.payload).toEqual({
      sub,
      email,
      email_verified: true,
      'cognito:username': username,
      aud: clientId,
      token_use: 'id',
      origin_jti: uuid,
      event_id: uuid,
      auth_time: epochSeconds,
      iss,
      iat: epochSeconds,
      exp: epochSeconds,
      jti: uuid,
    });
    expect(accessToken.payload).toEqual({
      sub,
      client_id: clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      origin_jti: idToken!.payload.origin_jti,
      event_id: uuid,
      auth_time: idToken!.payload.auth_time,
      username,
      iss,
      iat: epochSeconds,
      exp: epochSeconds,
      jti: uuid,
    });
    expect(accessToken.payload.exp! - accessToken.payload.iat!).toBe(3600);
    expect(idToken!.payload.exp! - idToken!.payload.iat!).toBe(3600);
    expect(accessToken.payload.jti).not.toBe(idToken!.payload.jti);
    // The raw tokens are three-part JWS strings whose header names the RS256 key.
    for (const token of [accessToken, idToken!]) {
      const [header] = token.toString().split('.');
      expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'RS256', kid: expect.any(String) });
    }
  });

  it('fetchAuthSession({ forceRefresh: true }) gives a new, working access token with the same origin_jti', async () => {
    const email = newEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    const before = (await fetchAuthSession()).tokens!;
    const requests = recordRequests();
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens!;
    expect(requests().map((r) => r.operation)).toEqual(['GetTokensFromRefreshToken']);

    expect(after.accessToken.toString()).not.toBe(before.accessToken.toString());
    expect(after.accessToken.payload.jti).not.toBe(before.accessToken.payload.jti);
    expect(after.accessToken.payload.origin_jti).toBe(before.accessToken.payload.origin_jti);
    expect(after.idToken!.payload.jti).not.toBe(before.idToken!.payload.jti);
    expect(after.idToken!.payload.origin_jti).toBe(before.idToken!.payload.origin_jti);
    expect(after.accessToken.payload.auth_time).toBe(before.accessToken.payload.auth_time);
    expect(after.accessToken.payload.iat).toEqual(expect.any(Number));
    // The refreshed token is accepted by the server.
    const user = await sdk.send(new GetUserCommand({ AccessToken: after.accessToken.toString() }));
    expect(user.UserAttributes).toContainEqual({ Name: 'sub', Value: sub });
  });

  it('updateUserAttributes: a new email needs a code mailed to it, a name is DONE; confirmUserAttribute verifies the email', async () => {
    const email = newEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    const changedEmail = newEmail();

    const result = await updateUserAttributes({ userAttributes: { email: changedEmail, name: 'Ada Lovelace' } });
    expect(result).toEqual({
      email: {
        isUpdated: false,
        nextStep: {
          updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE',
          codeDeliveryDetails: { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' },
        },
      },
      name: { isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } },
    });
    const code = await nextCode(changedEmail);
    expect(await fetchUserAttributes()).toEqual({ email: changedEmail, email_verified: 'false', name: 'Ada Lovelace', sub });

    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code });
    expect(await fetchUserAttributes()).toEqual({ email: changedEmail, email_verified: 'true', name: 'Ada Lovelace', sub });
  });

  it('signOut() revokes the refresh token: a raw REFRESH_TOKEN_AUTH with it then fails with NotAuthorizedException', async () => {
    const email = newEmail();
    await confirmedUser(email);
    await signIn({ username: email, password });
    const refreshToken = await storedRefreshToken();
    // The token works before sign-out, so the refusal below is the revocation's doing.
    const refreshed = await refreshWithSdk(refreshToken);
    expect(refreshed.AuthenticationResult).toEqual({ AccessToken: expect.any(String), IdToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' });

    const requests = recordRequests();
    await signOut();
    expect(requests()).toEqual([{ operation: 'RevokeToken', body: { ClientId: clientId, Token: refreshToken } }]);
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    await expect(refreshWithSdk(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('signOut({ global: true }) revokes the access token: GetUser with it then fails with NotAuthorizedException', async () => {
    const email = newEmail();
    await confirmedUser(email);
    await signIn({ username: email, password });
    const accessToken = (await fetchAuthSession()).tokens!.accessToken.toString();
    const before = await sdk.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(before.Username).toBe((await getCurrentUser()).username);

    const requests = recordRequests();
    await signOut({ global: true });
    expect(requests()).toEqual([{ operation: 'GlobalSignOut', body: { AccessToken: accessToken } }]);
    await expect(sdk.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('deleteUser removes the user: signing in again fails as for an unknown user', async () => {
    const email = newEmail();
    await confirmedUser(email);
    await signIn({ username: email, password });
    const accessToken = (await fetchAuthSession()).tokens!.accessToken.toString();

    await deleteUser();
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    await expect(signIn({ username: email, password })).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await expect(sdk.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('a wrong password is refused with NotAuthorizedException "Incorrect username or password."', async () => {
    const email = newEmail();
    await confirmedUser(email);
    await expect(signIn({ username: email, password: 'Wrong-Horse-9' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(signIn({ username: email, password: 'Wrong-Horse-9', options: { authFlowType: 'USER_PASSWORD_AUTH' } })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('an unknown user gets the same NotAuthorizedException (user existence errors are prevented)', async () => {
    const email = newEmail();
    await expect(signIn({ username: email, password })).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await expect(signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('an unconfirmed user signing in gets nextStep CONFIRM_SIGN_UP', async () => {
    const email = newEmail();
    await signUp({ username: email, password, options: { userAttributes: { email } } });
    expect(await signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
    expect(await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_UP' },
    });
  });

  it('a Hub listener on "auth" sees signedIn, tokenRefresh and signedOut', async () => {
    const email = newEmail();
    const sub = await confirmedUser(email);
    const events: Array<{ event: string; data?: unknown }> = [];
    const stop = Hub.listen('auth', ({ payload }) => {
      events.push('data' in payload && payload.data !== undefined ? { event: payload.event, data: payload.data } : { event: payload.event });
    });
    try {
      await signIn({ username: email, password });
      const username = (await getCurrentUser()).username;
      await fetchAuthSession({ forceRefresh: true });
      await signOut();
      expect(events).toEqual([
        { event: 'signedIn', data: { username, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } } },
        { event: 'tokenRefresh' },
        { event: 'signedOut' },
      ]);
    } finally {
      stop();
    }
  });
});
