// aws-amplify v6, unchanged, configured from the amplify_outputs.json Cognate writes, fetching AWS
// credentials from Cognate's identity pool: as a guest, then signed in, then refreshed.
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import { findVendedCredentials } from '../../src/identitypool/credentials.js';
import type { RunningServer } from '../../src/server.js';
import { createTestDataDir, dialects } from '../support/databases.js';
import { confirmedUser, testPassword, uniqueEmail } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const identityPoolId = 'us-east-1:20000000-0000-4000-8000-000000000001';
const authenticatedRole = 'arn:aws:iam::000000000000:role/amplify-authenticated';
const guestRole = 'arn:aws:iam::000000000000:role/amplify-guest';

const config: ConfigFile = {
  ...testConfig,
  IdentityPools: [
    {
      Id: identityPoolId,
      IdentityPoolName: 'amplify app',
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1', ClientId: 'publicclient1' }],
      Roles: { authenticated: authenticatedRole, unauthenticated: guestRole },
    },
  ],
};

describe.each(dialects)('aws-amplify v6 fetchAuthSession with a Cognate identity pool (%s)', (dialect) => {
  let server: RunningServer;

  beforeAll(async () => {
    const dataDir = await createTestDataDir();
    server = await startTestServer(dialect, { config, dataDir });
    // As the README tells apps: the outputs file, then the endpoints from its custom.cognate section.
    const outputs = JSON.parse(await readFile(join(dataDir, 'amplify_outputs.json'), 'utf8'));
    Amplify.configure(outputs);
    const cognito = Amplify.getConfig().Auth!.Cognito;
    Amplify.configure({
      ...Amplify.getConfig(),
      Auth: { Cognito: { ...cognito, userPoolEndpoint: outputs.custom.cognate.user_pool_endpoint, identityPoolEndpoint: outputs.custom.cognate.identity_pool_endpoint } },
    });
    await signOut();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await signOut();
    await server?.close();
  });

  const roleOf = async (credentials: { accessKeyId: string; sessionToken?: string | undefined }) =>
    (await findVendedCredentials(server.context, credentials.sessionToken!, credentials.accessKeyId))?.roleArn;

  /** The identity-pool operations Amplify sends from now on, with their bodies. */
  function recordIdentityCalls(): () => Array<{ operation: string; body: Record<string, unknown> }> {
    const spy = vi.spyOn(globalThis, 'fetch');
    return () =>
      spy.mock.calls
        .map(([, init]) => ({ target: new Headers(init?.headers).get('x-amz-target') ?? '', body: init?.body }))
        .filter(({ target }) => target.startsWith('AWSCognitoIdentityService.'))
        .map(({ target, body }) => ({ operation: target.replace('AWSCognitoIdentityService.', ''), body: JSON.parse(String(body)) as Record<string, unknown> }));
  }

  it('the outputs file carries the identity pool, with guest access', () => {
    expect(Amplify.getConfig().Auth!.Cognito).toMatchObject({ identityPoolId, allowGuestAccess: true, identityPoolEndpoint: `${server.url}/identity` });
  });

  it('a guest gets an identity and unauthenticated-role credentials; signed in, the same identity gets authenticated-role credentials; forceRefresh gets new ones', async () => {
    const calls = recordIdentityCalls();
    const guest = await fetchAuthSession();
    expect(guest.tokens).toBeUndefined();
    expect(guest.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(guest.credentials).toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/), secretAccessKey: expect.any(String), sessionToken: expect.any(String) });
    expect(guest.credentials!.expiration!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await roleOf(guest.credentials!)).toBe(guestRole);
    expect(calls()).toEqual([
      { operation: 'GetId', body: { IdentityPoolId: identityPoolId, Logins: {} } },
      { operation: 'GetCredentialsForIdentity', body: { IdentityId: guest.identityId } },
    ]);

    const { email } = await confirmedUser(server, undefined, uniqueEmail('amplify'));
    expect((await signIn({ username: email, password: testPassword })).isSignedIn).toBe(true);
    const signedIn = await fetchAuthSession();
    expect(signedIn.tokens?.idToken).toBeDefined();
    expect(signedIn.identityId).toBe(guest.identityId);
    expect(signedIn.credentials!.accessKeyId).not.toBe(guest.credentials!.accessKeyId);
    expect(await roleOf(signedIn.credentials!)).toBe(authenticatedRole);
    const loginsKey = `${server.url.replace('http://', '')}/us-east-1_TestPool1`;
    expect(calls().at(-1)).toEqual({
      operation: 'GetCredentialsForIdentity',
      body: { IdentityId: guest.identityId, Logins: { [loginsKey]: signedIn.tokens!.idToken!.toString() } },
    });

    const refreshed = await fetchAuthSession({ forceRefresh: true });
    expect(refreshed.identityId).toBe(guest.identityId);
    expect(refreshed.credentials!.accessKeyId).not.toBe(signedIn.credentials!.accessKeyId);
    expect(await roleOf(refreshed.credentials!)).toBe(authenticatedRole);
  });
});
