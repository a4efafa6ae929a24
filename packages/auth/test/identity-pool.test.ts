// fetchAuthSession with an identity pool against a real Cognate server: guests, signed-in users
// (who keep the guest's identity), caching and renewal on the test clock, one request for many
// callers, sign-out, and credentials that STS accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage, type AuthInstance, type KeyValueStorage } from '../src/index.js';
import { assumedRoleArn, authenticatedRole, guestPoolId, guestRole, identityIdPattern, membersPoolId, startIdentityCognate, type IdentityCognate } from './support/identity.js';
import { recordingFetch, rejection } from './support/requests.js';

const guestIdKey = `com.amplify.Cognito.${guestPoolId}.identityId`;
const minutes = (n: number) => n * 60_000;

describe('identity pools through fetchAuthSession (sqlite)', () => {
  let cognate: IdentityCognate;
  beforeAll(async () => {
    cognate = await startIdentityCognate();
  });
  afterAll(() => cognate?.close());

  /** An instance with a request recorder and its own storage. */
  function recordedAuth(options: { identityPoolId?: string; allowGuestAccess?: boolean; storage?: KeyValueStorage } = {}) {
    const recorder = recordingFetch();
    const storage = options.storage ?? createMemoryStorage();
    return { auth: cognate.identityAuth({ ...options, storage, fetch: recorder.fetch }), recorder, storage };
  }
  const identityCalls = (recorder: ReturnType<typeof recordingFetch>) => recorder.requests.filter(({ operation }) => ['GetId', 'GetCredentialsForIdentity'].includes(operation));
  const loginsKey = () => `${cognate.server.url.replace('http://', '')}/us-east-1_AuthLib1`;
  const freshCredentials = () => ({
    accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/),
    secretAccessKey: expect.stringMatching(/^\S{40}$/),
    sessionToken: expect.any(String),
    expiration: new Date(Math.floor(cognate.clock.now() / 1000) * 1000 + 3600_000),
  });
  const signedIn = (auth: AuthInstance) => cognate.signedIn(auth);

  describe('guests', () => {
    it('with allowGuestAccess, a guest gets an identity (kept under Amplify’s key) and guest-role credentials STS accepts; the next call makes no request', async () => {
      const { auth, recorder, storage } = recordedAuth();
      const session = await auth.fetchAuthSession();
      expect(session).toEqual({ tokens: undefined, credentials: freshCredentials(), identityId: expect.stringMatching(identityIdPattern), userSub: undefined });
      expect(recorder.requests).toEqual([
        { operation: 'GetId', body: { IdentityPoolId: guestPoolId, Logins: {} } },
        { operation: 'GetCredentialsForIdentity', body: { IdentityId: session.identityId } },
      ]);
      expect(await storage.getItem(guestIdKey)).toBe(session.identityId);

      expect(await auth.fetchAuthSession()).toEqual(session);
      expect(await auth.currentCredentials()).toEqual({ ...session.credentials, identityId: session.identityId, authenticated: false });
      expect(recorder.requests).toHaveLength(2);
      expect((await cognate.callerIdentity(auth.essentialCredentials(await auth.currentCredentials()))).Arn).toBe(assumedRoleArn(guestRole));
      expect(await rejection(auth.currentAuthenticatedUser())).toMatchObject({ name: 'UserUnAuthenticatedException' });
    });

    it('a guest identity in storage is used again (as after a reload), without GetId', async () => {
      const storage = createMemoryStorage();
      const first = await recordedAuth({ storage }).auth.fetchAuthSession();
      const { auth, recorder } = recordedAuth({ storage });
      expect((await auth.fetchAuthSession()).identityId).toBe(first.identityId);
      expect(recorder.operations()).toEqual(['GetCredentialsForIdentity']);
    });

    it('without allowGuestAccess nobody signed in has no identity or credentials, and nothing is asked of the pool', async () => {
      const { auth, recorder } = recordedAuth({ allowGuestAccess: false });
      expect(await auth.fetchAuthSession()).toEqual({ tokens: undefined, credentials: undefined, identityId: undefined, userSub: undefined });
      expect(await rejection(auth.currentCredentials())).toMatchObject({ name: 'UserUnAuthenticatedException', message: 'User needs to be authenticated to call this API.' });
      expect(recorder.requests).toEqual([]);
    });

    it('the pool’s refusals come through by name: guests on a members-only pool, a malformed pool id', async () => {
      const members = recordedAuth({ identityPoolId: membersPoolId, allowGuestAccess: true }).auth;
      expect(await rejection(members.fetchAuthSession())).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Unauthenticated access is not supported for this identity pool.',
        metadata: { httpStatusCode: 400 },
      });
      expect(await rejection(recordedAuth({ identityPoolId: 'no-region' }).auth.fetchAuthSession())).toMatchObject({
        name: 'InvalidIdentityPoolIdException',
        message: 'Invalid identity pool id provided.',
      });
    });
  });

  describe('signed-in users', () => {
    it('a guest who signs in keeps the guest’s identity: its id goes with the ID token (under its issuer) and authenticated-role credentials come back', async () => {
      const { auth, recorder, storage } = recordedAuth();
      const guest = await auth.fetchAuthSession();
      const { sub } = await signedIn(auth);
      recorder.requests.length = 0;

      const session = await auth.fetchAuthSession();
      expect(session).toEqual({ tokens: expect.any(Object), credentials: freshCredentials(), identityId: guest.identityId, userSub: sub });
      expect(session.credentials!.accessKeyId).not.toBe(guest.credentials!.accessKeyId);
      expect(recorder.requests).toEqual([
        { operation: 'GetCredentialsForIdentity', body: { IdentityId: guest.identityId, Logins: { [loginsKey()]: session.tokens!.idToken!.toString() } } },
      ]);
      expect(await storage.getItem(guestIdKey)).toBeNull();
      expect(await auth.currentCredentials()).toEqual({ ...session.credentials, identityId: guest.identityId, authenticated: true });
      expect((await cognate.callerIdentity(auth.essentialCredentials(await auth.currentCredentials()))).Arn).toBe(assumedRoleArn(authenticatedRole));
      expect(await auth.currentAuthenticatedUser()).toEqual(await auth.getCurrentUser());
      expect(recorder.requests).toHaveLength(1);
    });

    it('a user who was never a guest gets their identity from GetId with the ID token, and the same one in a later session', async () => {
      const { auth, recorder } = recordedAuth({ allowGuestAccess: false });
      const { email } = await signedIn(auth);
      const session = await auth.fetchAuthSession();
      const logins = { [loginsKey()]: session.tokens!.idToken!.toString() };
      expect(identityCalls(recorder)).toEqual([
        { operation: 'GetId', body: { IdentityPoolId: guestPoolId, Logins: logins } },
        { operation: 'GetCredentialsForIdentity', body: { IdentityId: session.identityId, Logins: logins } },
      ]);
      await auth.signOut();
      const laptop = recordedAuth({ allowGuestAccess: false }).auth;
      await laptop.signIn({ username: email, password: 'Correct-Horse-9' });
      expect((await laptop.fetchAuthSession()).identityId).toBe(session.identityId);
    });

    it('forceRefresh refreshes the tokens and the credentials both, for the same identity', async () => {
      const { auth, recorder } = recordedAuth();
      await signedIn(auth);
      const before = await auth.fetchAuthSession();
      recorder.requests.length = 0;
      const after = await auth.fetchAuthSession({ forceRefresh: true });
      expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken', 'GetCredentialsForIdentity']);
      expect(after.tokens!.idToken!.toString()).not.toBe(before.tokens!.idToken!.toString());
      expect(after.credentials!.accessKeyId).not.toBe(before.credentials!.accessKeyId);
      expect(after.identityId).toBe(before.identityId);
    });

    it('signing out forgets the credentials and the identity: the next guest is someone new, and without guest access there is nobody', async () => {
      const storage = createMemoryStorage();
      const { auth, recorder } = recordedAuth({ storage });
      await signedIn(auth);
      const user = await auth.fetchAuthSession();
      await auth.signOut();
      recorder.requests.length = 0;
      const guest = await auth.fetchAuthSession();
      expect(recorder.operations()).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(guest.identityId).toMatch(identityIdPattern);
      expect(guest.identityId).not.toBe(user.identityId);
      expect((await cognate.callerIdentity(auth.essentialCredentials(await auth.currentCredentials()))).Arn).toBe(assumedRoleArn(guestRole));

      const membersOnly = recordedAuth({ allowGuestAccess: false, storage }).auth;
      await signedIn(membersOnly);
      expect((await membersOnly.fetchAuthSession()).identityId).toMatch(identityIdPattern);
      await membersOnly.signOut();
      expect(await membersOnly.fetchAuthSession()).toEqual({ tokens: undefined, credentials: undefined, identityId: undefined, userSub: undefined });
    });

    it('another user signing in gets their own identity and credentials, never the previous user’s', async () => {
      const { auth } = recordedAuth({ allowGuestAccess: false });
      await signedIn(auth);
      const first = await auth.fetchAuthSession();
      await auth.signOut();
      await signedIn(auth);
      const second = await auth.fetchAuthSession();
      expect(second.identityId).toMatch(identityIdPattern);
      expect(second.identityId).not.toBe(first.identityId);
      expect(second.credentials!.accessKeyId).not.toBe(first.credentials!.accessKeyId);
    });

    it('a stored guest identity that has since become someone else’s is replaced: for a guest, and for a user signing in', async () => {
      const storage = createMemoryStorage();
      const { auth } = recordedAuth({ storage });
      const taken = (await auth.fetchAuthSession()).identityId!;
      await signedIn(auth);
      expect((await auth.fetchAuthSession()).identityId).toBe(taken);

      // Another tab (or an old copy of the storage) still holds the id as a guest's.
      const stale = recordedAuth({ storage: createMemoryStorage() });
      await stale.storage.setItem(guestIdKey, taken);
      const guest = await stale.auth.fetchAuthSession();
      expect(stale.recorder.operations()).toEqual(['GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
      expect(guest.identityId).not.toBe(taken);
      expect(await stale.storage.getItem(guestIdKey)).toBe(guest.identityId);

      const other = recordedAuth({ storage: createMemoryStorage(), allowGuestAccess: false });
      await other.storage.setItem(guestIdKey, taken);
      await signedIn(other.auth);
      const session = await other.auth.fetchAuthSession();
      expect(identityCalls(other.recorder).map(({ operation, body }) => [operation, body.IdentityId])).toEqual([
        ['GetCredentialsForIdentity', taken],
        ['GetId', undefined],
        ['GetCredentialsForIdentity', session.identityId],
      ]);
      expect(session.identityId).not.toBe(taken);
    });
  });

  describe('caching and renewal', () => {
    it('credentials are reused for 50 minutes and renewed after, for the same identity; the renewed ones work at the new time', async () => {
      const { auth, recorder } = recordedAuth();
      await signedIn(auth);
      const first = await auth.fetchAuthSession();
      recorder.requests.length = 0;
      cognate.clock.advance(minutes(49));
      expect((await auth.fetchAuthSession()).credentials).toBe(first.credentials);
      expect(recorder.requests).toEqual([]);
      cognate.clock.advance(minutes(2));
      const renewed = await auth.fetchAuthSession();
      expect(recorder.operations()).toEqual(['GetCredentialsForIdentity']);
      expect(renewed.credentials).toEqual(freshCredentials());
      expect(renewed.credentials!.accessKeyId).not.toBe(first.credentials!.accessKeyId);
      expect(renewed.identityId).toBe(first.identityId);
      expect((await cognate.callerIdentity(auth.essentialCredentials(await auth.currentCredentials()))).Arn).toBe(assumedRoleArn(authenticatedRole));
    });

    it('credentials that expire sooner than that are renewed 5 minutes before their Expiration', async () => {
      // A pool that vends 20-minute credentials: the server's answer, with Expiration moved in.
      const shortLived: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (new Headers(init?.headers).get('x-amz-target') !== 'AWSCognitoIdentityService.GetCredentialsForIdentity') return response;
        const body = await response.json();
        body.Credentials.Expiration = Math.floor(cognate.clock.now() / 1000) + 20 * 60;
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      };
      const recorder = recordingFetch(shortLived);
      const auth = cognate.identityAuth({ fetch: recorder.fetch });
      const first = await auth.fetchAuthSession();
      cognate.clock.advance(minutes(14));
      expect((await auth.fetchAuthSession()).credentials).toBe(first.credentials);
      cognate.clock.advance(minutes(1) + 1000);
      expect((await auth.fetchAuthSession()).credentials!.accessKeyId).not.toBe(first.credentials!.accessKeyId);
      expect(recorder.operations()).toEqual(['GetId', 'GetCredentialsForIdentity', 'GetCredentialsForIdentity']);
    });

    it('concurrent calls make one GetId and one GetCredentialsForIdentity, and all get the same credentials', async () => {
      const { auth, recorder } = recordedAuth();
      const [first, second, credentials, third] = await Promise.all([auth.fetchAuthSession(), auth.fetchAuthSession(), auth.currentCredentials(), auth.fetchAuthSession()]);
      expect(recorder.operations()).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expect(new Set([first.credentials, second.credentials, third.credentials])).toEqual(new Set([first.credentials]));
      expect(credentials).toEqual({ ...first.credentials, identityId: first.identityId, authenticated: false });

      await signedIn(auth);
      recorder.requests.length = 0;
      const signedInSessions = await Promise.all([auth.fetchAuthSession(), auth.fetchAuthSession(), auth.fetchAuthSession()]);
      expect(recorder.operations()).toEqual(['GetCredentialsForIdentity']);
      expect(new Set(signedInSessions.map((session) => session.credentials))).toEqual(new Set([signedInSessions[0]!.credentials]));
    });
  });
});
