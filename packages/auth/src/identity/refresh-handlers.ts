import type { AuthContext } from '../core/context.js';
import type { RefreshHandlers } from '../types.js';

/**
 * Adds refresh handlers for federated tokens, keeping the rest of the configuration (Amplify v5's
 * `Auth.configure({ refreshHandlers })`). Top-level `configure({ refreshHandlers })` does the same.
 *
 * @example
 * auth.configure({ refreshHandlers: { developer: async () => ({ token, expires_at }) } });
 */
export function configure(ctx: AuthContext, { refreshHandlers }: { refreshHandlers: RefreshHandlers }): void {
  ctx.refreshHandlers = { ...ctx.refreshHandlers, ...refreshHandlers };
}
