import { createCache, type CacheInstance } from '../cache/cache.js';
import { createMemoryStorage } from '../storage/memory.js';
import type { KeyValueStorage } from '../storage/types.js';
import { createLocalStorage, createSessionStorage, hasWebStorage } from '../storage/web.js';
import { resolveConfig, type AuthConfigInput } from './config.js';
import type { AuthContext, RefreshOperation } from './context.js';
import { createHub, type Hub } from './hub.js';
import type { RefreshHandlers } from '../types.js';

export interface AuthOptions {
  /** Where tokens live: localStorage in browsers, memory elsewhere, by default. */
  storage?: KeyValueStorage;
  /** Where a sign-in in progress lives: sessionStorage in browsers, else `storage`. */
  signInStorage?: KeyValueStorage;
  /** The wall clock, in ms; default Date.now. Tests move it instead of sleeping. */
  now?: () => number;
  /** The fetch requests go through; default globalThis.fetch (looked up at each call). */
  fetch?: typeof fetch;
  /** Extra headers for every user-pool request, as Amplify's `Auth.headers`. */
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Default GetTokensFromRefreshToken, as aws-amplify ≥ 6.15.4. */
  refreshOperation?: RefreshOperation;
  /** The hub this instance dispatches into; a new one by default. */
  hub?: Hub;
  /**
   * Where a federated sign-in is kept (`federatedInfo`): the shared `Cache` for the default
   * instance, as in Amplify; a cache in the instance's `storage` for createAuth.
   */
  cache?: CacheInstance;
  /** Get federated providers new tokens (Amplify v5's `refreshHandlers`). */
  refreshHandlers?: RefreshHandlers;
}

export function createContext(config: AuthConfigInput, options: AuthOptions = {}, defaultStorage?: () => KeyValueStorage): AuthContext {
  const inBrowser = hasWebStorage('localStorage');
  const storage = options.storage ?? (inBrowser ? createLocalStorage() : (defaultStorage ?? createMemoryStorage)());
  return {
    config: resolveConfig(config),
    storage,
    signInStorage: options.signInStorage ?? (hasWebStorage('sessionStorage') ? createSessionStorage() : storage),
    hub: options.hub ?? createHub(),
    now: options.now ?? Date.now,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: options.headers,
    refreshOperation: options.refreshOperation ?? 'GetTokensFromRefreshToken',
    identity: {},
    cache: options.cache ?? createCache({ storage }),
    refreshHandlers: { ...options.refreshHandlers },
  };
}
