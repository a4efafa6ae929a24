// signIn / confirmSignIn flows Cognate serves, through @cognate/auth, with the wire requests checked.
import { AdminCreateUserCommand, AdminResetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClient } from '../../server/test/support/sdk.js';
import { createMemoryStorage, type AuthInstance } from '../src/index.js';
import { newEmail, password, startCognate, uuid, type Cognate } from './support/cognate.js';
import { recordingFetch, rejection } from './support/requests.js';

describe('sign-in against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  /** A confirmed user of the client's pool; returns its email and sub. */
  async function confirmedUser(auth: AuthInstance, email = newEmail()) {
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    return { email, sub: userId! };
  }

  it('signs in with SRP by default: InitiateAuth USER_SRP_AUTH then PASSWORD_VERIFIER, tokens stored under Amplify’s keys', async () => {
    const storage = createMemoryStorage();
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { storage, fetch: recorder.fetch });
    const { email, sub } = await confirmedUser(auth);
    recorder.requests.length = 0;

    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.requests.map(({ operation, body }) => [operation, body.AuthFlow ?? body.ChallengeName])).toEqual([
      ['InitiateAuth', 'USER_SRP_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
    ]);
    const verifier = recorder.requests[1]!.body;
    expect(verifier.ChallengeResponses).toEqual({
      USERNAME: sub,
      PASSWORD_CLAIM_SECRET_BLOCK: expect.any(String),
      TIMESTAMP: 'Sun Nov 22 12:00:00 UTC 2026',
      PASSWORD_CLAIM_SIGNATURE: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    });

    const prefix = 'CognitoIdentityServiceProvider.authlibclient1';
    expect(await storage.getItem(`${prefix}.LastAuthUser`)).toBe(sub);
    for (const item of ['accessToken', 'idToken', 'refreshToken']) expect(await storage.getItem(`${prefix}.${sub}.${item}`)).toEqual(expect.any(String));
    expect(await storage.getItem(`${prefix}.${sub}.clockDrift`)).toBe('0');
    expect(JSON.parse((await storage.getItem(`${prefix}.${sub}.signInDetails`))!)).toEqual({ loginId: email, authFlowType: 'USER_SRP_AUTH' });
    expect(await auth.getCurrentUser()).toEqual({ username: sub, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
  });

  it('signs in with USER_PASSWORD_AUTH in one request and records the flow in signInDetails', async () => {
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { fetch: recorder.fetch });
    const { email, sub } = await confirmedUser(auth);
    recorder.requests.length = 0;
    expect((await auth.signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH', clientMetadata: { k: 'v' } } })).isSignedIn).toBe(true);
    expect(recorder.requests).toEqual([
      { operation: 'InitiateAuth', body: { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password }, ClientMetadata: { k: 'v' }, ClientId: 'authlibclient1' } },
    ]);
    expect(await auth.getCurrentUser()).toEqual({ username: sub, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_PASSWORD_AUTH' } });
  });

  it('a wrong password is NotAuthorizedException with Cognito’s text, for both flows', async () => {
    const auth = cognate.auth();
    const { email } = await confirmedUser(auth);
    for (const authFlowType of ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const) {
      const error = await rejection(auth.signIn({ username: email, password: 'Wrong-Horse-9', options: { authFlowType } }));
      expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
      expect(error.metadata).toMatchObject({ httpStatusCode: 400 });
    }
  });

  it('an unconfirmed user gets nextStep CONFIRM_SIGN_UP, not an error', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
  });

  it('a user whose password an admin reset gets nextStep RESET_PASSWORD', async () => {
    const auth = cognate.auth();
    const { email } = await confirmedUser(auth);
    await sdkClient(cognate.server).send(new AdminResetUserPasswordCommand({ UserPoolId: 'us-east-1_AuthLib1', Username: email }));
    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'RESET_PASSWORD' } });
  });

  it('signing in while signed in is UserAlreadyAuthenticatedException', async () => {
    const auth = cognate.auth();
    const { email } = await confirmedUser(auth);
    await auth.signIn({ username: email, password });
    expect(await rejection(auth.signIn({ username: email, password }))).toMatchObject({
      name: 'UserAlreadyAuthenticatedException',
      message: 'There is already a signed in user.',
      recoverySuggestion: 'Call signOut before calling signIn again.',
    });
  });

  it('missing username or password are Amplify’s validation errors, before any request', async () => {
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { fetch: recorder.fetch });
    expect(await rejection(auth.signIn({ username: '', password }))).toMatchObject({ name: 'EmptySignInUsername', message: 'username is required to signIn' });
    expect(await rejection(auth.signIn({ username: 'x@example.com' }))).toMatchObject({ name: 'EmptySignInPassword', message: 'password is required to signIn' });
    expect(recorder.requests).toEqual([]);
  });

  it('emits signedIn with the user, then signedOut, on the instance’s Hub; unsubscribing stops them', async () => {
    const auth = cognate.auth();
    const { email, sub } = await confirmedUser(auth);
    const payloads: unknown[] = [];
    const stop = auth.Hub.listen('auth', ({ channel, payload, source }) => payloads.push({ channel, payload, source }));
    await auth.signIn({ username: email, password });
    await auth.signOut();
    stop();
    await auth.signIn({ username: email, password });
    expect(payloads).toEqual([
      { channel: 'auth', source: 'Auth', payload: { event: 'signedIn', data: { username: sub, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } } } },
      { channel: 'auth', source: 'Auth', payload: { event: 'signedOut' } },
    ]);
  });

  it('NEW_PASSWORD_REQUIRED: missingAttributes, then the new password with the attributes sets up the user', async () => {
    const auth = cognate.auth('authnamesclient1');
    const username = `bob-${Date.now()}`;
    await sdkClient(cognate.server).send(
      new AdminCreateUserCommand({
        UserPoolId: 'us-east-1_AuthNames1',
        Username: username,
        TemporaryPassword: 'Temp-pass-1',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: newEmail('bob') }],
      }),
    );
    expect(await auth.signIn({ username, password: 'Temp-pass-1' })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: ['name'] },
    });
    expect(await auth.confirmSignIn({ challengeResponse: password, options: { userAttributes: { name: 'Bob' } } })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await auth.fetchUserAttributes()).toMatchObject({ name: 'Bob' });
    expect((await auth.getCurrentUser()).username).toBe(username);
  });

  it('signs in by email alias in a username pool, storing tokens under the pool’s username', async () => {
    const storage = createMemoryStorage();
    const auth = cognate.auth('authnamesclient1', { storage });
    const email = newEmail('alias');
    const username = `alias${Date.now()}`;
    await auth.signUp({ username, password, options: { userAttributes: { email, name: 'Al' } } });
    await auth.confirmSignUp({ username, confirmationCode: await cognate.emailCode(email) });
    expect((await auth.signIn({ username: email, password })).isSignedIn).toBe(true);
    expect(await storage.getItem('CognitoIdentityServiceProvider.authnamesclient1.LastAuthUser')).toBe(username);
    expect(await auth.getCurrentUser()).toEqual({ username, userId: expect.stringMatching(uuid), signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
  });

  it('confirmSignIn without a sign-in in progress is SignInException', async () => {
    expect(await rejection(cognate.auth().confirmSignIn({ challengeResponse: '123456' }))).toMatchObject({ name: 'SignInException' });
    expect(await rejection(cognate.auth().confirmSignIn({ challengeResponse: '' }))).toMatchObject({
      name: 'EmptyChallengeResponse',
      message: 'challengeResponse is required to confirmSignIn',
    });
  });
});
