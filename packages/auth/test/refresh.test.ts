// Token refresh: when, how often, with which operation, and what failures do to the session.
// Server and library share a clock the test moves, so expiry comes without sleeping.
import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sdkClient } from '../../server/test/support/sdk.js';
import { createMemoryStorage, type AuthInstance, type AuthOptions, type KeyValueStorage } from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { recordingFetch, rejection } from './support/requests.js';

const hourMs = 3600_000;

describe('token refresh against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function signedIn(clientId = 'authlibclient1', options: AuthOptions = {}) {
    const recorder = recordingFetch(options.fetch);
    const storage = options.storage ?? createMemoryStorage();
    const auth = cognate.auth(clientId, { ...options, storage, fetch: recorder.fetch });
    const email = newEmail();
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    await auth.signIn({ username: email, password });
    recorder.requests.length = 0;
    const events: string[] = [];
    auth.Hub.listen('auth', ({ payload }) => events.push(payload.event));
    return { auth, storage, recorder, events, email, sub: userId! };
  }
  const accessTokenOf = async (auth: AuthInstance) => (await auth.fetchAuthSession()).tokens?.accessToken.toString();
  const refreshTokenIn = (storage: KeyValueStorage, clientId: string, sub: string) => storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${sub}.refreshToken`);

  it('fifty concurrent fetchAuthSession calls at expiry send exactly one refresh request, and all get its tokens', async () => {
    const { auth, recorder, events } = await signedIn();
    const before = await accessTokenOf(auth);
    cognate.clock.advance(hourMs - 4000); // within Amplify's 5 s of expiry
    const sessions = await Promise.all(Array.from({ length: 50 }, () => auth.fetchAuthSession()));
    expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
    const tokens = new Set(sessions.map((s) => s.tokens!.accessToken.toString()));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).not.toBe(before);
    expect(events).toEqual(['tokenRefresh']);
    expect(sessions[0]!.tokens!.accessToken.payload.exp).toBe(Math.floor(cognate.clock.now() / 1000) + 3600);
  });

  it('refreshes nothing before the last 5 seconds, and judges expiry by the server’s clock (measured drift)', async () => {
    // This device's clock is 4 minutes behind the server's (SRP's TIMESTAMP allows 5); the drift
    // measured at sign-in corrects it, or the refresh would come 4 minutes late.
    const { auth, recorder, storage, sub } = await signedIn('authlibclient1', { now: () => cognate.clock.now() - 240_000 });
    expect(await storage.getItem(`CognitoIdentityServiceProvider.authlibclient1.${sub}.clockDrift`)).toBe('240000');
    cognate.clock.advance(hourMs - 6000);
    await auth.fetchAuthSession();
    expect(recorder.operations()).toEqual([]);
    cognate.clock.advance(2000);
    await auth.fetchAuthSession();
    expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
  });

  it('forceRefresh refreshes fresh tokens; REFRESH_TOKEN_AUTH is used when asked', async () => {
    const withGetTokens = await signedIn();
    await withGetTokens.auth.fetchAuthSession({ forceRefresh: true });
    expect(withGetTokens.recorder.requests).toEqual([
      { operation: 'GetTokensFromRefreshToken', body: { ClientId: 'authlibclient1', RefreshToken: expect.any(String) } },
    ]);
    const withInitiateAuth = await signedIn('authlibclient1', { refreshOperation: 'REFRESH_TOKEN_AUTH' });
    const before = await accessTokenOf(withInitiateAuth.auth);
    const session = await withInitiateAuth.auth.fetchAuthSession({ forceRefresh: true });
    expect(withInitiateAuth.recorder.requests).toEqual([
      { operation: 'InitiateAuth', body: { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'authlibclient1', AuthParameters: { REFRESH_TOKEN: expect.any(String) } } },
    ]);
    expect(session.tokens!.accessToken.toString()).not.toBe(before);
    expect(session.tokens!.idToken).toBeDefined();
  });

  for (const refreshOperation of ['GetTokensFromRefreshToken', 'REFRESH_TOKEN_AUTH'] as const) {
    it(`stores the rotated refresh token (${refreshOperation}); the old one is then refused`, async () => {
      const { auth, storage, sub } = await signedIn('authlibrotate1', { refreshOperation });
      const first = await refreshTokenIn(storage, 'authlibrotate1', sub);
      await auth.fetchAuthSession({ forceRefresh: true });
      const second = await refreshTokenIn(storage, 'authlibrotate1', sub);
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
      // The rotated token keeps working; the first one is spent.
      expect((await auth.fetchAuthSession({ forceRefresh: true })).tokens).toBeDefined();
      const reuse = await fetch(cognate.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken' },
        body: JSON.stringify({ ClientId: 'authlibrotate1', RefreshToken: first }),
      });
      expect(reuse.status).toBe(400);
    });
  }

  it('a network failure keeps the session, reports the error and emits tokenRefresh_failure; the next call refreshes', async () => {
    let offline = false;
    const { auth, recorder, events, storage, sub } = await signedIn('authlibclient1', {
      fetch: (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    cognate.clock.advance(hourMs);
    offline = true;
    const error = await rejection(auth.fetchAuthSession());
    expect(error).toMatchObject({ name: 'NetworkError', message: 'A network error has occurred.' });
    expect(error.underlyingError).toBeInstanceOf(TypeError);
    expect(events).toEqual(['tokenRefresh_failure']);
    expect(await refreshTokenIn(storage, 'authlibclient1', sub)).toEqual(expect.any(String));
    offline = false;
    expect((await auth.fetchAuthSession()).tokens).toBeDefined();
    expect(events).toEqual(['tokenRefresh_failure', 'tokenRefresh']);
    expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken', 'GetTokensFromRefreshToken']);
  });

  it('a refused refresh token ends the session: no tokens, storage cleared, tokenRefresh_failure with the server’s error', async () => {
    const { auth, storage, email, sub } = await signedIn();
    const failures: unknown[] = [];
    auth.Hub.listen('auth', ({ payload }) => payload.event === 'tokenRefresh_failure' && failures.push(payload.data.error));
    await sdkClient(cognate.server).send(new AdminUserGlobalSignOutCommand({ UserPoolId: 'us-east-1_AuthLib1', Username: email }));
    cognate.clock.advance(hourMs);
    expect(await auth.fetchAuthSession()).toEqual({ tokens: undefined, credentials: undefined, identityId: undefined, userSub: undefined });
    expect(failures).toEqual([expect.objectContaining({ name: 'NotAuthorizedException' })]);
    expect(await refreshTokenIn(storage, 'authlibclient1', sub)).toBeNull();
    expect(await storage.getItem('CognitoIdentityServiceProvider.authlibclient1.LastAuthUser')).toBeNull();
  });

  it('across tabs (Web Locks): two instances on one storage refresh once, the second reads the first’s tokens', async () => {
    const requested: string[] = [];
    let queue = Promise.resolve<unknown>(undefined);
    let held = false;
    // The Web Locks API's shape: request(name, callback) or request(name, { ifAvailable }, callback).
    vi.stubGlobal('navigator', {
      locks: {
        request(name: string, ...args: unknown[]) {
          const [options, callback] = (args.length === 2 ? args : [{}, args[0]]) as [{ ifAvailable?: boolean }, (lock: unknown) => Promise<unknown>];
          requested.push(name);
          if (options.ifAvailable && held) return Promise.resolve(callback(null));
          const run = queue.then(async () => {
            held = true;
            try {
              return await callback({ name });
            } finally {
              held = false;
            }
          });
          queue = run.catch(() => undefined);
          return run;
        },
      },
    });
    const first = await signedIn();
    const second = cognate.auth('authlibclient1', { storage: first.storage, fetch: first.recorder.fetch });
    cognate.clock.advance(hourMs);
    const [a, b] = await Promise.all([first.auth.fetchAuthSession(), second.fetchAuthSession()]);
    expect(first.recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
    expect(a.tokens!.accessToken.toString()).toBe(b.tokens!.accessToken.toString());
    expect(new Set(requested)).toEqual(new Set(['CognitoIdentityServiceProvider.authlibclient1.refresh']));
    expect(requested.length).toBeGreaterThanOrEqual(2);
  });

  it('user operations refresh an expired access token before they call the server', async () => {
    const { auth, recorder, email } = await signedIn();
    cognate.clock.advance(hourMs);
    expect(await auth.fetchUserAttributes()).toMatchObject({ email });
    expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken', 'GetUser']);
  });
});
