// The storages: memory, web storage fallbacks, and cookies (js-cookie's encoding, the 4 KB limit).
import JsCookie from 'js-cookie';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCookieStorage, createLocalStorage, createMemoryStorage, createSessionStorage, maxCookieBytes } from '../src/index.js';
import { createCookieJar } from './support/cookie-jar.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { rejection } from './support/requests.js';

describe('storages', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('memory storage keeps values per instance', async () => {
    const [a, b] = [createMemoryStorage(), createMemoryStorage()];
    await a.setItem('k', 'v');
    expect(await a.getItem('k')).toBe('v');
    expect(await b.getItem('k')).toBeNull();
    await a.removeItem('k');
    expect(await a.getItem('k')).toBeNull();
  });

  it('local and session storage fall back to memory outside browsers, and use the page’s storage in one', async () => {
    const fallback = createLocalStorage();
    await fallback.setItem('k', 'v');
    expect(await fallback.getItem('k')).toBe('v');
    const local = new Map<string, string>();
    const webStorage = { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => local.set(k, v), removeItem: (k: string) => local.delete(k), clear: () => local.clear() };
    vi.stubGlobal('window', { localStorage: webStorage, sessionStorage: webStorage });
    await createLocalStorage().setItem('a', '1');
    await createSessionStorage().setItem('b', '2');
    expect([...local]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('cookies: each item its own cookie with path, expiry, secure and sameSite; removal expires it', async () => {
    const jar = createCookieJar();
    const storage = createCookieStorage({ document: jar, sameSite: 'lax', domain: 'example.com' });
    await storage.setItem('CognitoIdentityServiceProvider.c1.ada@example.com.idToken', 'a.b.c');
    expect(jar.writes[0]).toMatch(/^CognitoIdentityServiceProvider\.c1\.ada%40example\.com\.idToken=a\.b\.c; path=\/; expires=.+ GMT; domain=example\.com; secure; samesite=lax$/);
    expect(await storage.getItem('CognitoIdentityServiceProvider.c1.ada@example.com.idToken')).toBe('a.b.c');
    await storage.removeItem('CognitoIdentityServiceProvider.c1.ada@example.com.idToken');
    expect(await storage.getItem('CognitoIdentityServiceProvider.c1.ada@example.com.idToken')).toBeNull();
    expect(() => createCookieStorage({ sameSite: 'none', secure: false })).toThrow('sameSite = None requires the Secure attribute');
  });

  it('cookies are written and read as js-cookie (Amplify’s CookieStorage) writes and reads them', async () => {
    const jar = createCookieJar();
    vi.stubGlobal('document', jar);
    const storage = createCookieStorage();
    const values = { 'CognitoIdentityServiceProvider.c1.ada@example.com.signInDetails': '{"loginId":"ada@example.com","authFlowType":"USER_SRP_AUTH"}', 'x;y=z': 'a b,c;d"é' };
    for (const [key, value] of Object.entries(values)) {
      JsCookie.set(key, value, { path: '/', expires: 365, secure: true });
      expect(await storage.getItem(key)).toBe(value);
      await storage.setItem(key, `${value}!`);
      expect(JsCookie.get(key)).toBe(`${value}!`);
    }
  });

  it('a value over 4096 bytes is CookieTooLargeException, never cut short; a cookie the browser dropped is an error too', async () => {
    const jar = createCookieJar();
    const storage = createCookieStorage({ document: jar });
    const key = 'CognitoIdentityServiceProvider.c1.u.idToken';
    const fits = 'x'.repeat(maxCookieBytes - key.length - 1);
    await storage.setItem(key, fits);
    expect(await storage.getItem(key)).toBe(fits);
    const error = await rejection(Promise.resolve().then(() => storage.setItem(key, `${fits}x`)));
    expect(error).toMatchObject({ name: 'CookieTooLargeException', message: `The cookie ${key} would be 4097 bytes; browsers keep at most 4096 bytes of name and value.` });
    expect(await storage.getItem(key)).toBe(fits);
    const blocked = createCookieStorage({ document: createCookieJar({ blocked: true }) });
    expect(await rejection(Promise.resolve().then(() => blocked.setItem('k', 'v')))).toMatchObject({ name: 'CookieNotStoredException' });
  });
});

describe('cookie storage against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  it('keeps a session in cookies; an ID token too big for a cookie fails sign-in clearly and leaves no half session', async () => {
    const jar = createCookieJar();
    const auth = cognate.auth(undefined, { storage: createCookieStorage({ document: jar }) });
    const small = newEmail();
    await auth.signUp({ username: small, password, options: { userAttributes: { email: small } } });
    await auth.confirmSignUp({ username: small, confirmationCode: await cognate.emailCode(small) });
    expect((await auth.signIn({ username: small, password })).isSignedIn).toBe(true);
    expect((await auth.fetchAuthSession()).tokens?.idToken?.payload.email).toBe(small);
    await auth.signOut();
    expect(jar.cookie).toBe('');

    const big = newEmail();
    await auth.signUp({ username: big, password, options: { userAttributes: { email: big, name: 'n'.repeat(2000), 'custom:team': 't'.repeat(2000) } } });
    await auth.confirmSignUp({ username: big, confirmationCode: await cognate.emailCode(big) });
    expect(await rejection(auth.signIn({ username: big, password }))).toMatchObject({ name: 'CookieTooLargeException' });
    expect(jar.cookie).toBe('');
    expect((await auth.fetchAuthSession()).tokens).toBeUndefined();
  });
});
