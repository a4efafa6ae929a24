// fetchAuthSession, getCurrentUser and signOut (local and global) against a real Cognate server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage, type AuthInstance, type KeyValueStorage } from '../src/index.js';
import { newEmail, password, startCognate, uuid, type Cognate } from './support/cognate.js';
import { recordingFetch, rejection } from './support/requests.js';

describe('sessions against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  async function signedIn(auth: AuthInstance) {
    const email = newEmail();
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    await auth.signIn({ username: email, password });
    return { email, sub: userId! };
  }

  /** A user-pool call outside the library, to see what the server thinks of a token. */
  async function call(operation: string, body: object) {
    const response = await fetch(cognate.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const refreshTokenIn = async (storage: KeyValueStorage, sub: string) => (await storage.getItem(`CognitoIdentityServiceProvider.authlibclient1.${sub}.refreshToken`))!;

  it('fetchAuthSession returns both tokens with decoded payloads and userSub, without a request while they are fresh', async () => {
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { fetch: recorder.fetch });
    const { email, sub } = await signedIn(auth);
    recorder.requests.length = 0;
    const session = await auth.fetchAuthSession();
    expect(session).toEqual({
      tokens: { accessToken: expect.any(Object), idToken: expect.any(Object), signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } },
      credentials: undefined,
      identityId: undefined,
      userSub: sub,
    });
    const { accessToken, idToken } = session.tokens!;
    expect(accessToken.payload).toMatchObject({ sub, token_use: 'access', client_id: 'authlibclient1', scope: 'aws.cognito.signin.user.admin', origin_jti: expect.stringMatching(uuid) });
    expect(idToken!.payload).toMatchObject({ sub, token_use: 'id', aud: 'authlibclient1', email, 'cognito:username': sub });
    expect(accessToken.toString().split('.')).toHaveLength(3);
    expect(recorder.requests).toEqual([]);
  });

  it('signed out: fetchAuthSession has no tokens, getCurrentUser is UserUnAuthenticatedException', async () => {
    const auth = cognate.auth();
    expect(await auth.fetchAuthSession()).toEqual({ tokens: undefined, credentials: undefined, identityId: undefined, userSub: undefined });
    expect(await rejection(auth.getCurrentUser())).toMatchObject({
      name: 'UserUnAuthenticatedException',
      message: 'User needs to be authenticated to call this API.',
      recoverySuggestion: 'Sign in before calling this API again.',
    });
  });

  it('signOut revokes the refresh token on the server and clears the local session', async () => {
    const storage = createMemoryStorage();
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { storage, fetch: recorder.fetch });
    const { sub } = await signedIn(auth);
    const refreshToken = await refreshTokenIn(storage, sub);
    recorder.requests.length = 0;
    await auth.signOut();
    expect(recorder.requests).toEqual([{ operation: 'RevokeToken', body: { ClientId: 'authlibclient1', Token: refreshToken } }]);
    expect(await call('GetTokensFromRefreshToken', { ClientId: 'authlibclient1', RefreshToken: refreshToken })).toMatchObject({
      status: 400,
      body: { __type: 'NotAuthorizedException' },
    });
    expect((await auth.fetchAuthSession()).tokens).toBeUndefined();
    expect(await storage.getItem('CognitoIdentityServiceProvider.authlibclient1.LastAuthUser')).toBeNull();
  });

  it('signOut({ global: true }) ends every session of the user: another device’s tokens stop working', async () => {
    const [phone, laptop] = [cognate.auth(), cognate.auth()];
    const { email } = await signedIn(phone);
    await laptop.signIn({ username: email, password });
    const laptopAccessToken = (await laptop.fetchAuthSession()).tokens!.accessToken.toString();
    const events: string[] = [];
    laptop.Hub.listen('auth', ({ payload }) => events.push(payload.event));

    await phone.signOut({ global: true });
    expect((await phone.fetchAuthSession()).tokens).toBeUndefined();
    expect(await call('GetUser', { AccessToken: laptopAccessToken })).toMatchObject({ status: 400, body: { __type: 'NotAuthorizedException' } });
    // The laptop learns at its next refresh: the refresh token was refused, so its session ends.
    expect((await laptop.fetchAuthSession({ forceRefresh: true })).tokens).toBeUndefined();
    expect(events).toEqual(['tokenRefresh_failure']);
    expect(await rejection(laptop.getCurrentUser())).toMatchObject({ name: 'UserUnAuthenticatedException' });
  });

  it('signOut succeeds locally even when the server cannot be reached', async () => {
    let offline = false;
    const auth = cognate.auth(undefined, { fetch: (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)) });
    await signedIn(auth);
    offline = true;
    await auth.signOut();
    expect((await auth.fetchAuthSession()).tokens).toBeUndefined();
  });
});
