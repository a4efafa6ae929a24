// Switching from aws-amplify v6: a user Amplify signed in, in a storage, is signed in for
// @cognate/auth on the same storage (and the other way round), because both use Amplify's keys.
import { Amplify } from 'aws-amplify';
import * as amplifyAuth from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, createMemoryStorage, type KeyValueStorage } from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';

describe('a session shared with aws-amplify v6 through one storage', () => {
  let cognate: Cognate;
  let storage: KeyValueStorage;
  beforeAll(async () => {
    // Amplify signs SRP with the real clock: the server's starts at the real time.
    cognate = await startCognate('sqlite', { clockStartMs: Date.now() });
    Amplify.configure(cognate.configFor());
  });
  afterEach(async () => {
    await amplifyAuth.signOut();
  });
  afterAll(() => cognate.close());

  /** A confirmed user, and both libraries on one fresh storage. */
  async function setUp() {
    storage = createMemoryStorage();
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage as Parameters<typeof cognitoUserPoolsTokenProvider.setKeyValueStorage>[0]);
    const cognateAuth = createAuth(cognate.configFor(), { storage, now: () => cognate.clock.now() });
    const email = newEmail();
    const { userId } = await cognateAuth.signUp({ username: email, password, options: { userAttributes: { email } } });
    await cognateAuth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    return { cognateAuth, email, sub: userId! };
  }

  it('recognises a user aws-amplify signed in: same user, same tokens, and the session works', async () => {
    const { cognateAuth, email, sub } = await setUp();
    expect(await amplifyAuth.signIn({ username: email, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    expect(await cognateAuth.getCurrentUser()).toEqual(await amplifyAuth.getCurrentUser());
    expect(await cognateAuth.getCurrentUser()).toEqual({ username: sub, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
    const [ours, theirs] = [await cognateAuth.fetchAuthSession(), await amplifyAuth.fetchAuthSession()];
    expect(ours.userSub).toBe(theirs.userSub);
    expect(ours.tokens!.accessToken.toString()).toBe(theirs.tokens!.accessToken.toString());
    expect(ours.tokens!.idToken!.payload).toEqual(theirs.tokens!.idToken!.payload);
    expect(await cognateAuth.fetchUserAttributes()).toMatchObject({ email, sub });

    // A refresh by @cognate/auth is what aws-amplify then reads.
    const refreshed = await cognateAuth.fetchAuthSession({ forceRefresh: true });
    expect(refreshed.tokens!.accessToken.toString()).not.toBe(theirs.tokens!.accessToken.toString());
    expect((await amplifyAuth.fetchAuthSession()).tokens!.accessToken.toString()).toBe(refreshed.tokens!.accessToken.toString());
  });

  it('aws-amplify recognises a user @cognate/auth signed in, and its signOut ends the session for both', async () => {
    const { cognateAuth, email, sub } = await setUp();
    await cognateAuth.signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    expect(await amplifyAuth.getCurrentUser()).toEqual({ username: sub, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_PASSWORD_AUTH' } });
    expect((await amplifyAuth.fetchUserAttributes()).email).toBe(email);
    await amplifyAuth.signOut();
    expect((await cognateAuth.fetchAuthSession()).tokens).toBeUndefined();
  });
});
