import { AuthError } from '../errors.js';
import type { KeyValueStorage } from './types.js';

export interface CookieStorageOptions {
  domain?: string;
  /** Default `/`. */
  path?: string;
  /** Lifetime in days; default 365, as Amplify's CookieStorage. */
  expires?: number;
  /** Default true. */
  secure?: boolean;
  sameSite?: 'strict' | 'lax' | 'none';
  /** The object whose `cookie` property is read and written; default `document`. */
  document?: { cookie: string };
}

/** RFC 6265 §6.1: browsers must keep at least 4096 bytes of name and value per cookie, and keep no more. */
export const maxCookieBytes = 4096;

// Cookie names and values are encoded as js-cookie (which Amplify's CookieStorage uses) encodes
// them, so cookies written by Amplify are read here and the other way round.
const encodeName = (name: string) =>
  encodeURIComponent(name)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const encodeValue = (value: string) => encodeURIComponent(value).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);
const decode = (text: string) => text.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);

/**
 * Keeps each item in its own cookie, readable by the server of the same site. A value that does
 * not fit in a cookie is refused with `CookieTooLargeException`, never cut short.
 */
export function createCookieStorage(options: CookieStorageOptions = {}): KeyValueStorage {
  const { domain, path = '/', expires = 365, secure = true, sameSite } = options;
  if (sameSite === 'none' && !secure) throw new Error('sameSite = None requires the Secure attribute in latest browser versions.');
  const doc = () => options.document ?? (globalThis as { document?: { cookie: string } }).document;

  function write(key: string, value: string, days: number) {
    const pair = `${encodeName(key)}=${encodeValue(value)}`;
    const bytes = new TextEncoder().encode(pair).length;
    if (bytes > maxCookieBytes) {
      throw new AuthError({
        name: 'CookieTooLargeException',
        message: `The cookie ${key} would be ${bytes} bytes; browsers keep at most ${maxCookieBytes} bytes of name and value.`,
        recoverySuggestion: 'Use localStorage or sessionStorage for these tokens, or shorten what the user pool puts into them.',
      });
    }
    const target = doc();
    if (!target) return;
    let cookie = `${pair}; path=${path}; expires=${new Date(Date.now() + days * 864e5).toUTCString()}`;
    if (domain) cookie += `; domain=${domain}`;
    if (secure) cookie += '; secure';
    if (sameSite) cookie += `; samesite=${sameSite}`;
    target.cookie = cookie;
  }

  function read(key: string): string | null {
    for (const part of doc()?.cookie.split('; ') ?? []) {
      const at = part.indexOf('=');
      try {
        if (decodeURIComponent(part.slice(0, at)) === key) {
          const value = part.slice(at + 1);
          return decode(value[0] === '"' ? value.slice(1, -1) : value);
        }
      } catch {
        // A cookie of someone else's with a malformed name: not ours.
      }
    }
    return null;
  }

  return {
    setItem(key, value) {
      write(key, value, expires);
      if (doc() && read(key) !== value) {
        throw new AuthError({
          name: 'CookieNotStoredException',
          message: `The browser did not keep the cookie ${key}.`,
          recoverySuggestion: 'Cookies may be blocked, or the secure attribute set on a page served over http.',
        });
      }
    },
    getItem: read,
    removeItem: (key) => write(key, '', -1),
  };
}
