import type { AuthConfigInput } from './core/config.js';
import type { AuthContext } from './core/context.js';
import { createContext, type AuthOptions } from './core/create-context.js';
import { createHub } from './core/hub.js';
import { AuthError } from './errors.js';
import { createMemoryStorage } from './storage/memory.js';
import type { KeyValueStorage } from './storage/types.js';

/** The default instance's hub: `Hub.listen('auth', …)` hears what the top-level functions do. */
export const Hub = /* @__PURE__ */ createHub();

let defaultContext: AuthContext | undefined;
let processMemory: KeyValueStorage | undefined;

/**
 * Sets up the default instance the top-level functions use, from amplify_outputs.json or an
 * Amplify v6 `{ Auth: { Cognito } }` config. Calling it again replaces it.
 *
 * @example
 * import outputs from './amplify_outputs.json';
 * configure(outputs);
 * configure(outputs, { storage: createSessionStorage() });
 */
export function configure(config: AuthConfigInput, options: Omit<AuthOptions, 'hub'> = {}): void {
  // Outside browsers the session survives a re-configure, as with Amplify's shared in-memory storage.
  defaultContext = createContext(config, { ...options, hub: Hub }, () => (processMemory ??= createMemoryStorage()));
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
