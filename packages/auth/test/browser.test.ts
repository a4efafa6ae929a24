// The library in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core)
// loads it, bundled by esbuild, from a page served on loopback and talks to a Cognate server on
// loopback — SRP in WebCrypto/BigInt, tokens in localStorage, and one refresh across two tabs
// (Web Locks). Page and server share the test's manual clock, so expiry comes without sleeping.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Library from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`[browser] skipping the headless-Chromium tests: ${chromiumPath} is missing (apt-get install chromium; .ci/run does)`);

// Without the background-networking flags a closed network refuses Chromium's own connections.
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const srcIndex = resolve(dirname(fileURLToPath(import.meta.url)), '../src/index.ts');
const hourMs = 3600_000;
const refreshLock = 'CognitoIdentityServiceProvider.authlibclient1.refresh';

/** What a page holds: the bundled library, the test's clock and the hub events it heard. */
interface PageGlobals {
  cognate: typeof Library;
  clockMs: number;
  hubEvents: string[];
}

/** Bundles src/index.ts for browsers as a script that sets `window.cognate`. */
async function bundleLibrary(): Promise<string> {
  const result = await build({
    entryPoints: [srcIndex],
    bundle: true,
    format: 'iife',
    globalName: 'cognate',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The page's origin on loopback: an empty page that loads the bundle. */
async function servePage(script: string): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>@cognate/auth</title><script src="/auth.js"></script></head><body></body></html>';
  const server = createServer((request, response) => {
    if (request.url === '/auth.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe.skipIf(!hasChromium)('@cognate/auth in headless Chromium against Cognate (sqlite)', () => {
  let cognate: Cognate;
  let pageServer: { server: Server; url: string };
  let browser: Browser;

  beforeAll(async () => {
    const [started, script] = await Promise.all([startCognate('sqlite'), bundleLibrary()]);
    cognate = started;
    pageServer = await servePage(script);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => pageServer?.server.close(done));
    await cognate?.close();
  });

  /** Every user-pool request either tab sends, as the browser sends it (preflights aside). */
  function recordUserPoolRequests(context: BrowserContext) {
    const origin = new URL(cognate.server.url).origin;
    const requests: Array<{ operation: string; body: Record<string, any> }> = [];
    context.on('request', (request) => {
      if (request.method() !== 'POST' || new URL(request.url()).origin !== origin) return;
      const operation = (request.headers()['x-amz-target'] ?? '').replace('AWSCognitoIdentityProviderService.', '');
      requests.push({ operation, body: request.postDataJSON() });
    });
    return { requests, operations: () => requests.map((r) => r.operation) };
  }

  /** A tab on the page's origin with the default instance configured (localStorage) and on the test's clock. */
  async function openTab(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.warn(`[browser] page error: ${error.message}`));
    await page.goto(pageServer.url);
    await page.evaluate(
      ({ config, clockMs }) => {
        const w = window as unknown as PageGlobals;
        w.clockMs = clockMs;
        w.hubEvents = [];
        w.cognate.configure(config, { now: () => w.clockMs });
        w.cognate.Hub.listen('auth', ({ payload }) => w.hubEvents.push(payload.event));
      },
      { config: cognate.configFor('authlibclient1'), clockMs: cognate.clock.now() },
    );
    return page;
  }

  /** Moves the server's clock and every given tab's by `ms`. */
  async function advanceClock(ms: number, ...pages: Page[]) {
    cognate.clock.advance(ms);
    await Promise.all(pages.map((page) => page.evaluate((now) => ((window as unknown as PageGlobals).clockMs = now), cognate.clock.now())));
  }

  const accessTokenIn = (page: Page) =>
    page.evaluate(async () => {
      const { tokens } = await (window as unknown as PageGlobals).cognate.fetchAuthSession();
      return tokens && { accessToken: tokens.accessToken.toString(), exp: tokens.accessToken.payload.exp! };
    });

  /** Signs a new user up, confirms it with the mailed code and signs in (SRP), all in `page`. */
  async function signUpAndIn(page: Page) {
    const email = newEmail('browser');
    const signUp = await page.evaluate(
      ({ email, password }) => (window as unknown as PageGlobals).cognate.signUp({ username: email, password, options: { userAttributes: { email } } }),
      { email, password },
    );
    const confirmationCode = await cognate.emailCode(email);
    const confirmSignUp = await page.evaluate(
      ({ email, confirmationCode }) => (window as unknown as PageGlobals).cognate.confirmSignUp({ username: email, confirmationCode }),
      { email, confirmationCode },
    );
    const signIn = await page.evaluate(({ email, password }) => (window as unknown as PageGlobals).cognate.signIn({ username: email, password }), { email, password });
    return { email, signUp, confirmSignUp, signIn };
  }

  it('signs up, confirms with the mailed code, signs in with SRP and refreshes, tokens in localStorage', async () => {
    const context = await browser.newContext();
    try {
      const recorder = recordUserPoolRequests(context);
      const page = await openTab(context);
      const { signUp, confirmSignUp, signIn } = await signUpAndIn(page);
      expect(signUp).toMatchObject({ isSignUpComplete: false, userId: expect.any(String), nextStep: { signUpStep: 'CONFIRM_SIGN_UP' } });
      expect(confirmSignUp).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
      expect(signIn).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      // The default flow, computed in the page: SRP_A out, PASSWORD_VERIFIER answered.
      expect(recorder.operations()).toEqual(['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge']);
      expect(recorder.requests[2]!.body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { SRP_A: expect.stringMatching(/^[0-9a-f]+$/) } });
      expect(recorder.requests[3]!.body).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });

      // The session is in localStorage under Amplify's keys.
      const before = await accessTokenIn(page);
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('CognitoIdentityServiceProvider.authlibclient1.')));
      expect(stored).toEqual(expect.arrayContaining(['CognitoIdentityServiceProvider.authlibclient1.LastAuthUser', expect.stringMatching(/\.accessToken$/), expect.stringMatching(/\.refreshToken$/)]));
      expect(before?.exp).toBe(Math.floor(cognate.clock.now() / 1000) + 3600);

      await advanceClock(1000, page); // a new iat, so the refreshed token differs for certain
      recorder.requests.length = 0;
      const refreshed = await page.evaluate(async () => {
        const w = window as unknown as PageGlobals;
        const { tokens } = await w.cognate.fetchAuthSession({ forceRefresh: true });
        return { accessToken: tokens!.accessToken.toString(), exp: tokens!.accessToken.payload.exp!, events: w.hubEvents };
      });
      expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
      expect(refreshed.accessToken).not.toBe(before!.accessToken);
      expect(refreshed.exp).toBe(before!.exp + 1);
      expect(refreshed.events).toEqual(['signedIn', 'tokenRefresh']);
      expect(await accessTokenIn(page)).toEqual({ accessToken: refreshed.accessToken, exp: refreshed.exp });
    } finally {
      await context.close();
    }
  });

  it('two tabs refreshing at the same moment send one refresh request; both get its tokens', async () => {
    const context = await browser.newContext();
    try {
      const recorder = recordUserPoolRequests(context);
      const first = await openTab(context);
      await signUpAndIn(first);
      const second = await openTab(context); // same origin: it finds the session in localStorage
      const before = await accessTokenIn(first);
      expect(await accessTokenIn(second)).toEqual(before);

      // Hold the refresh at the browser until the other tab is queued behind it: the two refreshes
      // then overlap for certain, however the tabs are scheduled.
      let arrived!: () => void;
      const refreshArrived = new Promise<void>((done) => (arrived = done));
      let release!: () => void;
      const released = new Promise<void>((done) => (release = done));
      await context.route(
        (url) => url.origin === new URL(cognate.server.url).origin,
        async (route) => {
          if (route.request().method() === 'POST' && /GetTokensFromRefreshToken|InitiateAuth/.test(route.request().headers()['x-amz-target'] ?? '')) {
            arrived();
            await released;
          }
          await route.continue();
        },
      );

      await advanceClock(hourMs - 4000, first, second); // within Amplify's 5 s of expiry
      recorder.requests.length = 0;
      const refreshIn = (page: Page) =>
        page.evaluate(async () => {
          const w = window as unknown as PageGlobals;
          const { tokens } = await w.cognate.fetchAuthSession();
          return { accessToken: tokens!.accessToken.toString(), exp: tokens!.accessToken.payload.exp!, events: w.hubEvents };
        });
      const sessions = Promise.all([refreshIn(first), refreshIn(second)]);
      await refreshArrived;
      // One tab holds the refresh lock (its request is in flight), the other waits for it.
      const lockOf = (page: Page) =>
        page.evaluate(async (name) => {
          const { held = [], pending = [] } = await navigator.locks.query();
          return { held: held.filter((l) => l.name === name).map((l) => l.clientId), pending: pending.filter((l) => l.name === name).map((l) => l.clientId) };
        }, refreshLock);
      await expect.poll(() => lockOf(first).then((l) => [l.held.length, l.pending.length]), { timeout: 10_000 }).toEqual([1, 1]);
      const locks = await lockOf(second);
      expect(locks.held[0]).not.toBe(locks.pending[0]);
      release();
      const [a, b] = await sessions;

      expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
      expect(a.accessToken).toBe(b.accessToken);
      expect(a.accessToken).not.toBe(before!.accessToken);
      expect(a.exp).toBe(Math.floor(cognate.clock.now() / 1000) + 3600);
      // The tab that refreshed announces it; the other found the new tokens in localStorage.
      expect([a.events, b.events].map((events) => events.filter((e) => e === 'tokenRefresh').length).sort()).toEqual([0, 1]);
      expect(await accessTokenIn(first)).toEqual(await accessTokenIn(second));
      expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
    } finally {
      await context.close();
    }
  });
});
