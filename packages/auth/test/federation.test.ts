// federatedSignIn (Amplify v5's identity-pool federation) against a real Cognate server: an OpenID
// Connect provider on loopback and a developer provider; currentAuthenticatedUser, currentCredentials
// and Cache.getItem('federatedInfo'); refresh handlers for expiring tokens; sign-out.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Cache,
  Hub,
  configure,
  createCache,
  createMemoryStorage,
  currentAuthenticatedUser,
  currentCredentials,
  decodeJWT,
  essentialCredentials,
  federatedSignIn,
  fetchAuthSession,
  signOut,
  type RefreshHandler,
} from '../src/index.js';
import { password } from './support/cognate.js';
import { assumedRoleArn, authenticatedRole, guestPoolId, identityIdPattern, startIdentityCognate, type IdentityCognate } from './support/identity.js';
import { recordingFetch, rejection } from './support/requests.js';

const minutes = (n: number) => n * 60_000;

describe('federatedSignIn against Cognate (sqlite)', () => {
  let cognate: IdentityCognate;
  beforeAll(async () => {
    cognate = await startIdentityCognate();
  });
  afterAll(() => cognate?.close());

  /** A token from the loopback OpenID provider for a new user, issued now by the test clock, and its `exp`. */
  async function providerToken(sub = `oidc-${crypto.randomUUID()}`) {
    const token = await cognate.provider.idToken({ sub }, { nowMs: cognate.clock.now() });
    return { token, exp: decodeJWT(token).payload.exp!, sub };
  }
  function recordedAuth(options: { allowGuestAccess?: boolean; refreshHandlers?: Record<string, RefreshHandler> } = {}) {
    const recorder = recordingFetch();
    return { auth: cognate.identityAuth({ ...options, fetch: recorder.fetch }), recorder };
  }

  it('with an OpenID Connect token: identity and credentials from the pool, the user and federatedInfo kept, Hub hears signIn; signOut ends it', async () => {
    const recorder = recordingFetch();
    configure(cognate.identityConfig(), { fetch: recorder.fetch, now: () => cognate.clock.now() });
    const events: unknown[] = [];
    const stop = Hub.listen('auth', ({ payload }) => events.push(payload));
    const { token, exp } = await providerToken();
    const user = { username: 'ada', name: 'Ada', email: 'ada@example.com' };

    const credentials = await federatedSignIn(cognate.provider.key, { token, expires_at: exp }, user);
    const identityId = credentials.identityId;
    expect(credentials).toEqual({
      accessKeyId: expect.stringMatching(/^ASIA/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: new Date(Math.floor(cognate.clock.now() / 1000) * 1000 + 3600_000),
      identityId: expect.stringMatching(identityIdPattern),
      authenticated: true,
    });
    const logins = { [cognate.provider.key]: token };
    expect(recorder.requests).toEqual([
      { operation: 'GetId', body: { IdentityPoolId: guestPoolId, Logins: logins } },
      { operation: 'GetCredentialsForIdentity', body: { IdentityId: identityId, Logins: logins } },
    ]);
    expect(await Cache.getItem('federatedInfo')).toEqual({ provider: cognate.provider.key, token, user: { id: identityId, ...user }, expires_at: exp * 1000, identity_id: identityId });
    expect(await currentAuthenticatedUser()).toEqual({ id: identityId, ...user, token });
    expect(events).toEqual([{ event: 'signIn', data: { id: identityId, ...user, token }, message: 'A user ada has been signed in' }]);

    expect(await currentCredentials()).toEqual(credentials);
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
    expect(await fetchAuthSession()).toEqual({ tokens: undefined, credentials: { accessKeyId, secretAccessKey, sessionToken, expiration }, identityId, userSub: undefined });
    expect(recorder.requests).toHaveLength(2);
    expect((await cognate.callerIdentity(essentialCredentials(credentials))).Arn).toBe(assumedRoleArn(authenticatedRole));

    await signOut();
    stop();
    expect(events.at(-1)).toEqual({ event: 'signedOut' });
    expect(await Cache.getItem('federatedInfo')).toBeNull();
    expect(await rejection(currentAuthenticatedUser())).toMatchObject({ name: 'UserUnAuthenticatedException' });
    const guest = await fetchAuthSession();
    expect(guest.identityId).toMatch(identityIdPattern);
    expect(guest.identityId).not.toBe(identityId);
    expect((await currentCredentials()).authenticated).toBe(false);
    await signOut();
  });

  it('the same federated user finds the same identity again; fetchAuthSession forceRefresh gets new credentials for it', async () => {
    const { token, exp, sub } = await providerToken();
    const first = await cognate.identityAuth().federatedSignIn(cognate.provider.key, { token, expires_at: exp }, {});
    const { auth, recorder } = recordedAuth();
    const again = await auth.federatedSignIn(`http://${cognate.provider.key}`, { token: (await providerToken(sub)).token, expires_at: exp });
    expect(again.identityId).toBe(first.identityId);
    const refreshed = await auth.fetchAuthSession({ forceRefresh: true });
    expect(refreshed.credentials!.accessKeyId).not.toBe(again.accessKeyId);
    expect(refreshed.identityId).toBe(first.identityId);
    expect(recorder.operations()).toEqual(['GetId', 'GetCredentialsForIdentity', 'GetCredentialsForIdentity']);
  });

  it('google: the Logins key is accounts.google.com, and expires_at may be the ID token’s exp as it is', async () => {
    const token = await cognate.google.idToken({ sub: `google-${crypto.randomUUID()}` }, { nowMs: cognate.clock.now() });
    const { exp } = decodeJWT(token).payload;
    const { auth, recorder } = recordedAuth();
    const credentials = await auth.federatedSignIn('google', { token, expires_at: exp! }, { name: 'Grace', email: 'grace@example.com' });
    expect(recorder.requests.map(({ operation, body }) => [operation, body.Logins])).toEqual([
      ['GetId', { 'accounts.google.com': token }],
      ['GetCredentialsForIdentity', { 'accounts.google.com': token }],
    ]);
    expect(await auth.currentAuthenticatedUser()).toEqual({ id: credentials.identityId, name: 'Grace', email: 'grace@example.com', token });
    expect((await cognate.callerIdentity(auth.essentialCredentials(credentials))).Arn).toBe(assumedRoleArn(authenticatedRole));
  });

  it('developer provider: the token and identity id a backend got from GetOpenIdTokenForDeveloperIdentity, without GetId', async () => {
    const { IdentityId, Token } = await cognate.developerToken(`dev-${crypto.randomUUID()}`);
    const { auth, recorder } = recordedAuth();
    const credentials = await auth.federatedSignIn('developer', { token: Token, identity_id: IdentityId, expires_at: cognate.clock.now() + minutes(15) }, { name: 'Dev' });
    expect(recorder.requests).toEqual([
      { operation: 'GetCredentialsForIdentity', body: { IdentityId, Logins: { 'cognito-identity.amazonaws.com': Token } } },
    ]);
    expect(credentials.identityId).toBe(IdentityId);
    expect(await auth.currentAuthenticatedUser()).toEqual({ id: IdentityId, name: 'Dev', token: Token });
    expect((await cognate.callerIdentity(auth.essentialCredentials(credentials))).Arn).toBe(assumedRoleArn(authenticatedRole));
  });

  it('a refresh handler renews an expired token before credentials are fetched: the pool gets the new token, once for many callers', async () => {
    const { token, exp, sub } = await providerToken();
    const renewed: string[] = [];
    const handler = vi.fn<RefreshHandler>(async () => {
      const next = await providerToken(sub);
      renewed.push(next.token);
      return { token: next.token, expires_at: next.exp };
    });
    const { auth, recorder } = recordedAuth();
    const signedIn = await auth.federatedSignIn(cognate.provider.key, { token, expires_at: exp });
    auth.configure({ refreshHandlers: { [cognate.provider.key]: handler } });
    recorder.requests.length = 0;

    cognate.clock.advance(minutes(61));
    const sessions = await Promise.all([auth.fetchAuthSession(), auth.fetchAuthSession(), auth.currentCredentials()]);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(recorder.requests).toEqual([
      { operation: 'GetCredentialsForIdentity', body: { IdentityId: signedIn.identityId, Logins: { [cognate.provider.key]: renewed[0] } } },
    ]);
    expect(sessions[0].identityId).toBe(signedIn.identityId);
    expect(sessions[0].credentials!.accessKeyId).not.toBe(signedIn.accessKeyId);
    const user = await auth.currentAuthenticatedUser();
    expect(user).toEqual({ id: signedIn.identityId, token: renewed[0] });
    expect((await cognate.callerIdentity(auth.essentialCredentials(sessions[2]))).Arn).toBe(assumedRoleArn(authenticatedRole));
  });

  it('expires_at in seconds (a JWT’s exp) and in milliseconds mean the same: no refresh while valid, a refresh within a minute of it', async () => {
    const { token, exp, sub } = await providerToken();
    const handler = vi.fn<RefreshHandler>(async () => {
      const next = await providerToken(sub);
      return { token: next.token, expires_at: next.exp * 1000 };
    });
    const inSeconds = recordedAuth({ refreshHandlers: { [cognate.provider.key]: handler } }).auth;
    const inMilliseconds = recordedAuth({ refreshHandlers: { [cognate.provider.key]: handler } }).auth;
    await inSeconds.federatedSignIn(cognate.provider.key, { token, expires_at: exp });
    await inMilliseconds.federatedSignIn(cognate.provider.key, { token, expires_at: exp * 1000 });

    // Credentials are due after 50 minutes; the token has 5 more: renewed with the same token.
    cognate.clock.advance(minutes(55));
    await Promise.all([inSeconds.fetchAuthSession(), inMilliseconds.fetchAuthSession()]);
    expect(handler).not.toHaveBeenCalled();
    // 30 s before the token expires, and the credentials are due again (forced): the token is renewed first.
    cognate.clock.advance(minutes(4.5));
    await Promise.all([inSeconds.fetchAuthSession({ forceRefresh: true }), inMilliseconds.fetchAuthSession({ forceRefresh: true })]);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('without a refresh handler an expired token fails with FederatedTokenExpiredException and ends the federated sign-in; a failing handler too', async () => {
    const { token, exp } = await providerToken();
    const { auth } = recordedAuth({ allowGuestAccess: false });
    await auth.federatedSignIn(cognate.provider.key, { token, expires_at: exp });
    cognate.clock.advance(minutes(61));
    expect(await rejection(auth.fetchAuthSession())).toMatchObject({
      name: 'FederatedTokenExpiredException',
      message: `The ${cognate.provider.key} token has expired and there is no refresh handler for ${cognate.provider.key}.`,
    });
    expect(await rejection(auth.currentAuthenticatedUser())).toMatchObject({ name: 'UserUnAuthenticatedException' });
    expect(await auth.fetchAuthSession()).toEqual({ tokens: undefined, credentials: undefined, identityId: undefined, userSub: undefined });

    const refused = new Error('the provider refused');
    const failing = recordedAuth({ refreshHandlers: { developer: async () => Promise.reject(refused) } }).auth;
    const { IdentityId, Token } = await cognate.developerToken(`dev-${crypto.randomUUID()}`);
    await failing.federatedSignIn('developer', { token: Token, identity_id: IdentityId, expires_at: cognate.clock.now() + minutes(10) });
    cognate.clock.advance(minutes(51));
    expect(await rejection(failing.currentCredentials())).toMatchObject({
      name: 'FederatedTokenExpiredException',
      message: 'The developer token has expired and its refresh handler failed.',
      underlyingError: refused,
    });
    expect((await failing.fetchAuthSession()).identityId).not.toBe(IdentityId);
  });

  it('a refresh handler that fails by the network keeps the federated sign-in for the next try', async () => {
    const { token, exp, sub } = await providerToken();
    let online = false;
    const handler: RefreshHandler = async () => {
      if (!online) throw new TypeError('fetch failed');
      const next = await providerToken(sub);
      return { token: next.token, expires_at: next.exp };
    };
    const { auth } = recordedAuth({ refreshHandlers: { [cognate.provider.key]: handler } });
    const { identityId } = await auth.federatedSignIn(cognate.provider.key, { token, expires_at: exp });
    cognate.clock.advance(minutes(61));
    expect(await rejection(auth.fetchAuthSession())).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    online = true;
    expect((await auth.fetchAuthSession()).identityId).toBe(identityId);
  });

  it('configure({ refreshHandlers }) after configure(config) adds the handler and keeps the configuration and the sign-in', async () => {
    configure(cognate.identityConfig(), { now: () => cognate.clock.now() });
    const { token, exp, sub } = await providerToken();
    const { identityId } = await federatedSignIn(cognate.provider.key, { token, expires_at: exp });
    const handler = vi.fn<RefreshHandler>(async () => ({ token: (await providerToken(sub)).token, expires_at: cognate.clock.now() + minutes(60) }));
    configure({ refreshHandlers: { [cognate.provider.key]: handler } });
    expect(await currentAuthenticatedUser()).toMatchObject({ id: identityId, token });
    cognate.clock.advance(minutes(61));
    expect((await fetchAuthSession()).identityId).toBe(identityId);
    expect(handler).toHaveBeenCalledTimes(1);
    expect((await Cache.getItem('federatedInfo')).token).not.toBe(token);
    await signOut();
  });

  it('federatedSignIn is refused while a user-pool user is signed in; a user-pool sign-in ends a federated one', async () => {
    const cache = createCache({ storage: createMemoryStorage() });
    const auth = cognate.identityAuth({ cache });
    const { email } = await cognate.signedIn(auth);
    const { token, exp } = await providerToken();
    expect(await rejection(auth.federatedSignIn(cognate.provider.key, { token, expires_at: exp }))).toMatchObject({ name: 'UserAlreadyAuthenticatedException' });
    await auth.signOut();

    await auth.federatedSignIn(cognate.provider.key, { token, expires_at: exp });
    expect(await cache.getItem('federatedInfo')).toMatchObject({ token });
    await auth.signIn({ username: email, password });
    expect(await cache.getItem('federatedInfo')).toBeNull();
    expect(await auth.currentAuthenticatedUser()).toEqual(await auth.getCurrentUser());
    expect((await auth.currentCredentials()).authenticated).toBe(true);
    await auth.signOut();
    expect(await rejection(auth.currentAuthenticatedUser())).toMatchObject({ name: 'UserUnAuthenticatedException' });
  });

  it('without an identity pool federatedSignIn and currentCredentials fail with InvalidIdentityPoolIdException', async () => {
    const auth = cognate.auth();
    const { token, exp } = await providerToken();
    expect(await rejection(auth.federatedSignIn(cognate.provider.key, { token, expires_at: exp }))).toMatchObject({ name: 'InvalidIdentityPoolIdException' });
    expect(await rejection(auth.currentCredentials())).toMatchObject({ name: 'InvalidIdentityPoolIdException' });
  });
});
