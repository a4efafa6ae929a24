import type { AuthConfigInput } from './core/config.js';
import type { AuthContext } from './core/context.js';
import { createContext, type AuthOptions } from './core/create-context.js';
import type { Hub } from './core/hub.js';
import { essentialCredentials } from './identity/current-credentials.js';
import * as operations from './operations.js';

type Operations = typeof operations;

/** An operation with the instance's context already given. */
type Bound<F> = F extends (ctx: AuthContext, ...args: infer Args) => infer Result ? (...args: Args) => Result : never;

/** One user pool and app client, with its own storage, hub and session: every operation as a method. */
export type AuthInstance = { [Name in keyof Operations]: Bound<Operations[Name]> } & { Hub: Hub; essentialCredentials: typeof essentialCredentials };

/**
 * An independent instance, for several user pools (or clients) in one process. The top-level
 * functions are the same operations on the instance `configure` sets up.
 *
 * @example
 * const staff = createAuth(staffOutputs, { storage: createMemoryStorage() });
 * await staff.signIn({ username, password });
 * staff.Hub.listen('auth', ({ payload }) => console.log(payload.event));
 */
export function createAuth(config: AuthConfigInput, options: AuthOptions = {}): AuthInstance {
  const ctx = createContext(config, options);
  const instance = { Hub: ctx.hub, essentialCredentials } as Record<string, unknown>;
  for (const [name, operation] of Object.entries(operations)) {
    instance[name] = (...args: unknown[]) => (operation as (ctx: AuthContext, ...rest: unknown[]) => unknown)(ctx, ...args);
  }
  return instance as AuthInstance;
}
