// Switching from aws-amplify v6 with an identity pool: the guest identity Amplify stored, and the
// identity of a user Amplify signed in, are the ones @cognate/auth uses on the same storage.
import { Amplify } from 'aws-amplify';
import * as amplifyAuth from 'aws-amplify/auth';
import { defaultStorage } from 'aws-amplify/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, createCache, createMemoryStorage } from '../src/index.js';
import { password } from './support/cognate.js';
import { assumedRoleArn, authenticatedRole, guestPoolId, startIdentityCognate, type IdentityCognate } from './support/identity.js';
import { recordingFetch } from './support/requests.js';

describe('identity-pool state shared with aws-amplify v6 through its default storage', () => {
  let cognate: IdentityCognate;
  beforeAll(async () => {
    // Amplify judges token expiry and signs SRP by the real clock: the server's starts at the real time.
    cognate = await startIdentityCognate({ clockStartMs: Date.now() });
    Amplify.configure(cognate.identityConfig());
    await amplifyAuth.signOut();
  });
  afterAll(async () => {
    await amplifyAuth.signOut();
    await cognate?.close();
  });

  /** @cognate/auth on the storage aws-amplify keeps its tokens and guest identity id in. */
  function cognateOnAmplifyStorage() {
    const recorder = recordingFetch();
    const auth = createAuth(cognate.identityConfig(), { storage: defaultStorage, cache: createCache({ storage: createMemoryStorage() }), now: () => cognate.clock.now(), fetch: recorder.fetch });
    return { auth, recorder };
  }

  it('uses the guest identity aws-amplify created, under the same key, without GetId', async () => {
    const amplifyGuest = await amplifyAuth.fetchAuthSession();
    expect(await defaultStorage.getItem(`com.amplify.Cognito.${guestPoolId}.identityId`)).toBe(amplifyGuest.identityId);
    const { auth, recorder } = cognateOnAmplifyStorage();
    const ours = await auth.fetchAuthSession();
    expect(ours.identityId).toBe(amplifyGuest.identityId);
    expect(recorder.operations()).toEqual(['GetCredentialsForIdentity']);
  });

  it('a user aws-amplify signed in gets credentials for the identity aws-amplify gave them', async () => {
    const { auth } = cognateOnAmplifyStorage();
    const signUp = cognate.identityAuth();
    const { email } = await cognate.signedIn(signUp);
    await signUp.signOut();
    expect((await amplifyAuth.signIn({ username: email, password })).isSignedIn).toBe(true);
    const theirs = await amplifyAuth.fetchAuthSession();

    const ours = await auth.fetchAuthSession();
    expect(ours.tokens!.idToken!.toString()).toBe(theirs.tokens!.idToken!.toString());
    expect(ours.identityId).toBe(theirs.identityId);
    expect((await cognate.callerIdentity(auth.essentialCredentials(await auth.currentCredentials()))).Arn).toBe(assumedRoleArn(authenticatedRole));
  });
});
