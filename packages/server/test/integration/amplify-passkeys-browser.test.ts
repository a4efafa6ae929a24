// aws-amplify v6, unchanged, in headless Chromium (Debian's `chromium`, driven by playwright-core)
// with a virtual authenticator (Chrome DevTools Protocol WebAuthn domain): a page on
// http://localhost registers a passkey with associateWebAuthnCredential, lists it, signs in with it
// by USER_AUTH (preferred, and chosen at SELECT_CHALLENGE) and deletes it, against Cognate.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Amplify } from 'aws-amplify';
import type * as AmplifyAuth from 'aws-amplify/auth';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { sdkClient, testPassword } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`[browser] skipping the Amplify passkey tests: ${chromiumPath} is missing (apt-get install chromium; .ci/run does)`);
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const userPoolId = 'us-east-1_AmplifyPasskeys';
const userPoolClientId = 'amplifypasskeys1';
const config: ConfigFile = {
  UserPools: [
    {
      Id: userPoolId,
      PoolName: 'amplify-passkeys',
      UsernameAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      Clients: [{ ClientId: userPoolClientId, ClientName: 'amplify-passkeys', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

/** aws-amplify and its auth category, bundled for browsers as a script that sets `window.amplify`. */
async function bundleAmplify(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { Amplify } from 'aws-amplify'; import * as auth from 'aws-amplify/auth'; window.amplify = { Amplify, ...auth };",
      resolveDir: dirname(fileURLToPath(import.meta.url)),
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function servePage(script: string): Promise<{ server: Server; port: number }> {
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>passkeys</title><script src="/amplify.js"></script></head><body></body></html>';
  const server = createServer((request, response) => {
    if (request.url === '/amplify.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}

/** What the page's bundle holds: aws-amplify's own functions. */
type AmplifyInPage = typeof AmplifyAuth & { Amplify: typeof Amplify };
/** The page's window; functions run in the page are serialised, so they name it themselves. */
type Tab = { amplify: AmplifyInPage };

describe.skipIf(!hasChromium).each(dialects)('aws-amplify v6 passkeys in headless Chromium against Cognate (%s)', (dialect) => {
  let server: RunningServer;
  let page: { server: Server; port: number };
  let browser: Browser;

  beforeAll(async () => {
    const [started, script] = await Promise.all([startTestServer(dialect, { config }), bundleAmplify()]);
    server = started;
    page = await servePage(script);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => page?.server.close(done));
    await server?.close();
  });

  /** A tab on http://localhost with a virtual platform authenticator that verifies its user. */
  async function openTab(): Promise<Page> {
    const context = await browser.newContext();
    const tab = await context.newPage();
    tab.on('pageerror', (error) => console.warn(`[browser] page error: ${error.message}`));
    const cdp = await context.newCDPSession(tab);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await tab.goto(`http://localhost:${page.port}/`);
    await tab.evaluate(
      ({ userPoolId, userPoolClientId, endpoint }) => {
        (window as unknown as Tab).amplify.Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } });
      },
      { userPoolId, userPoolClientId, endpoint: server.url },
    );
    return tab;
  }

  async function createUser(email: string): Promise<string> {
    const client = sdkClient(server);
    const { User } = await client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }] }));
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: testPassword, Permanent: true }));
    return User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
  }

  it('associateWebAuthnCredential registers a passkey that listWebAuthnCredentials shows; signIn with USER_AUTH and WEB_AUTHN, preferred or chosen, signs in with it; deleteWebAuthnCredential removes it', async () => {
    const email = `passkey-${randomUUID().slice(0, 8)}@example.com`;
    const sub = await createUser(email);
    const tab = await openTab();
    try {
      const passwordSignIn = await tab.evaluate(
        ({ email, password }) => (window as unknown as Tab).amplify.signIn({ username: email, password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' } }),
        { email, password: testPassword },
      );
      expect(passwordSignIn).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

      await tab.evaluate(() => (window as unknown as Tab).amplify.associateWebAuthnCredential());
      const listed = await tab.evaluate(async () => {
        const { credentials, nextToken } = await (window as unknown as Tab).amplify.listWebAuthnCredentials();
        return { credentials: credentials.map((c) => ({ ...c, createdAt: c.createdAt?.toISOString() })), nextToken };
      });
      expect(listed).toEqual({
        credentials: [
          {
            credentialId: expect.any(String),
            friendlyCredentialName: 'localhost',
            relyingPartyId: 'localhost',
            authenticatorAttachment: 'platform',
            authenticatorTransports: ['internal'],
            createdAt: expect.any(String),
          },
        ],
        nextToken: undefined,
      });
      await tab.evaluate(() => (window as unknown as Tab).amplify.signOut());

      const preferred = await tab.evaluate((email) => (window as unknown as Tab).amplify.signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' } }), email);
      expect(preferred).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      expect(await tab.evaluate(() => (window as unknown as Tab).amplify.getCurrentUser())).toMatchObject({ userId: sub });
      await tab.evaluate(() => (window as unknown as Tab).amplify.signOut());

      const offered = await tab.evaluate((email) => (window as unknown as Tab).amplify.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } }), email);
      expect(offered).toEqual({
        isSignedIn: false,
        nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'] },
      });
      expect(await tab.evaluate(() => (window as unknown as Tab).amplify.confirmSignIn({ challengeResponse: 'WEB_AUTHN' }))).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

      const credentialId = listed.credentials[0]!.credentialId!;
      await tab.evaluate((credentialId) => (window as unknown as Tab).amplify.deleteWebAuthnCredential({ credentialId }), credentialId);
      expect(await tab.evaluate(async () => (await (window as unknown as Tab).amplify.listWebAuthnCredentials()).credentials)).toEqual([]);
    } finally {
      await tab.context().close();
    }
  });
});
