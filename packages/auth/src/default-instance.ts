import type { AuthConfigInput } from './core/config.js';
import type { AuthContext } from './core/context.js';
import { createContext, type AuthOptions } from './core/create-context.js';
import { createHub } from './core/hub.js';
import { AuthError } from './errors.js';
import { Cache } from './cache/index.js';
import { configure as addRefreshHandlers } from './identity/refresh-handlers.js';
import { createMemoryStorage } from './storage/memory.js';
import type { KeyValueStorage } from './storage/types.js';
import type { RefreshHandlers } from './types.js';

/** The default instance's hub: `Hub.listen('auth', …)` hears what the top-level functions do. */
export const Hub = /* @__PURE__ */ createHub();

let defaultContext: AuthContext | undefined;
let processMemory: KeyValueStorage | undefined;

/**
 * Sets up the default instance the top-level functions use, from amplify_outputs.json or an
 * Amplify v6 `{ Auth: { Cognito } }` config. Calling it again replaces it; `{ refreshHandlers }`
 * alone adds refresh handlers for federated tokens and keeps the rest (Amplify v5's
 * `Auth.configure({ refreshHandlers })`).
 *
 * @example
 * import outputs from './amplify_outputs.json';
 * configure(outputs);
 * configure(outputs, { storage: createSessionStorage() });
 * configure({ refreshHandlers: { developer: refreshDeveloperToken } });
 */
export function configure(config: AuthConfigInput | { refreshHandlers: RefreshHandlers }, options: Omit<AuthOptions, 'hub'> = {}): void {
  if ('refreshHandlers' in config && !('Auth' in config) && !('version' in config)) return addRefreshHandlers(defaultInstance(), config);
  // Outside browsers the session survives a re-configure, as with Amplify's shared in-memory storage.
  defaultContext = createContext(config, { cache: Cache, ...options, hub: Hub }, () => (processMemory ??= createMemoryStorage()));
}

export function defaultInstance(): AuthContext {
  if (!defaultContext) {
    throw new AuthError({
      name: 'AuthUserPoolException',
      message: 'Auth UserPool not configured.',
      recoverySuggestion: 'Make sure to call configure in your app with userPoolId and userPoolClientId.',
    });
  }
  return defaultContext;
}

/** An operation on the default instance (rejecting, not throwing, when there is none). */
export const onDefault =
  <Args extends unknown[], Result>(operation: (ctx: AuthContext, ...args: Args) => Promise<Result>) =>
  async (...args: Args): Promise<Result> =>
    operation(defaultInstance(), ...args);
