// configure() with amplify_outputs.json as Cognate writes it, or an Amplify v6 config; the
// top-level functions on the default instance and the root Hub; createAuth instances kept apart.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { amplifyOutputs } from '../../server/src/config/amplify-outputs.js';
import {
  AuthError,
  Hub,
  configure,
  confirmSignUp,
  createAuth,
  createMemoryStorage,
  fetchAuthSession,
  getCurrentUser,
  signIn,
  signOut,
  signUp,
  type AmplifyOutputs,
} from '../src/index.js';
import { resolveConfig } from '../src/core/config.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { rejection } from './support/requests.js';

describe('configuration', () => {
  it('reads amplify_outputs.json with Cognate’s endpoints from custom.cognate', () => {
    const outputs: AmplifyOutputs = {
      version: '1.4',
      auth: { aws_region: 'us-east-1', user_pool_id: 'us-east-1_AbC123', user_pool_client_id: 'client1', identity_pool_id: 'us-east-1:1111', unauthenticated_identities_enabled: true },
      custom: { cognate: { user_pool_endpoint: 'http://127.0.0.1:9245/', identity_pool_endpoint: 'http://127.0.0.1:9245/identity' } },
    };
    expect(resolveConfig(outputs)).toEqual({
      userPoolId: 'us-east-1_AbC123',
      userPoolClientId: 'client1',
      userPoolEndpoint: 'http://127.0.0.1:9245/',
      identityPoolId: 'us-east-1:1111',
      identityPoolEndpoint: 'http://127.0.0.1:9245/identity',
      allowGuestAccess: true,
      endpoint: 'http://127.0.0.1:9245/',
      poolName: 'AbC123',
    });
  });

  it('reads an Amplify v6 config; without an endpoint, requests go to Amazon’s regional endpoint', () => {
    expect(resolveConfig({ Auth: { Cognito: { userPoolId: 'eu-west-1_XyZ', userPoolClientId: 'c', signUpVerificationMethod: 'link' } } })).toMatchObject({
      endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/',
      poolName: 'XyZ',
      signUpVerificationMethod: 'link',
    });
    expect(resolveConfig({ Auth: { Cognito: { userPoolId: 'eu-west-1_XyZ', userPoolClientId: 'c', userPoolEndpoint: 'http://localhost:1/idp' } } }).endpoint).toBe('http://localhost:1/idp');
  });

  it('refuses a config without a pool or client, and a pool id without a region', () => {
    expect(() => resolveConfig({ Auth: { Cognito: { userPoolId: '', userPoolClientId: 'c' } } })).toThrow(
      expect.objectContaining({ name: 'AuthUserPoolException', message: 'Auth UserPool not configured.' }),
    );
    expect(() => resolveConfig({ version: '1' })).toThrow(expect.objectContaining({ name: 'AuthUserPoolException' }));
    expect(() => resolveConfig({ Auth: { Cognito: { userPoolId: 'nounderscore', userPoolClientId: 'c' } } })).toThrow(
      expect.objectContaining({ name: 'InvalidUserPoolId', message: 'Invalid user pool id provided.' }),
    );
    expect(() => createAuth({ Auth: { Cognito: { userPoolId: 'x', userPoolClientId: 'c' } } })).toThrow(AuthError);
  });
});

describe('the default instance and createAuth instances against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  it('the top-level functions work on what configure(amplify_outputs.json) set up, and the root Hub hears them', async () => {
    const { pool, clients } = cognate.server.pools[0]!;
    const outputs = amplifyOutputs(pool, clients[0]!, cognate.server.url);
    configure(outputs, { now: () => cognate.clock.now() });
    const events: string[] = [];
    const stop = Hub.listen('auth', ({ payload }) => events.push(payload.event));
    const email = newEmail();
    const { userId } = await signUp({ username: email, password, options: { userAttributes: { email } } });
    await confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    expect(await signIn({ username: email, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await getCurrentUser()).userId).toBe(userId);
    expect((await fetchAuthSession()).userSub).toBe(userId);
    // Re-configuring keeps the process’s memory storage: still signed in, as with Amplify.
    configure(outputs, { now: () => cognate.clock.now() });
    expect((await getCurrentUser()).userId).toBe(userId);
    await signOut();
    stop();
    expect(events).toEqual(['signedIn', 'signedOut']);
  });

  it('instances of two clients keep separate sessions, storages and hubs', async () => {
    const storage = createMemoryStorage();
    const app = createAuth(cognate.configFor('authlibclient1'), { storage, now: () => cognate.clock.now() });
    const admin = createAuth(cognate.configFor('authlibrotate1'), { storage, now: () => cognate.clock.now() });
    const appEvents: string[] = [];
    const adminEvents: string[] = [];
    app.Hub.listen('auth', ({ payload }) => appEvents.push(payload.event));
    admin.Hub.listen('auth', ({ payload }) => adminEvents.push(payload.event));
    const email = newEmail();
    await app.signUp({ username: email, password, options: { userAttributes: { email } } });
    await app.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    await app.signIn({ username: email, password });
    expect((await admin.fetchAuthSession()).tokens).toBeUndefined();
    await admin.signIn({ username: email, password });
    await admin.signOut();
    expect((await app.fetchAuthSession()).tokens?.accessToken.payload.client_id).toBe('authlibclient1');
    expect(appEvents).toEqual(['signedIn']);
    expect(adminEvents).toEqual(['signedIn', 'signedOut']);
  });
});

describe('before configure', () => {
  it('the top-level functions reject with AuthUserPoolException', async () => {
    // A fresh module graph: this file's configure() above must not count.
    vi.resetModules();
    const fresh = await import('../src/index.js');
    expect(await rejection(fresh.signIn({ username: 'a', password: 'b' }))).toMatchObject({
      name: 'AuthUserPoolException',
      recoverySuggestion: 'Make sure to call configure in your app with userPoolId and userPoolClientId.',
    });
  });
});
