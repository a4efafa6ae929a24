import type { AuthContext } from '../core/context.js';
import { AuthError } from '../errors.js';
import { refreshTokens } from './refresh.js';
import { clearTokens, loadTokens, storeTokens, type CognitoAuthTokens } from './token-store.js';

/** Amplify refreshes when a token expires within 5 s of the server's present (now + drift). */
const toleranceMs = 5000;

export const isExpired = (ctx: AuthContext, tokens: CognitoAuthTokens) =>
  [tokens.accessToken, tokens.idToken].some((jwt) => jwt && ctx.now() + tokens.clockDrift + toleranceMs > (jwt.payload.exp ?? 0) * 1000);

// Failures that mean the refresh token will never work again: the session ends (Amplify's list).
const sessionEnders = [
  'NotAuthorizedException',
  'TokenRevokedException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
  'RefreshTokenReuseException',
];

/**
 * The stored tokens, refreshed first when they expire soon or when asked. Null when signed out,
 * or when the server refused the refresh token (the session has then ended). A refresh that fails
 * otherwise (network) keeps the session and throws.
 */
export async function getTokens(ctx: AuthContext, forceRefresh = false): Promise<CognitoAuthTokens | null> {
  const tokens = await loadTokens(ctx);
  if (!tokens || !(forceRefresh || isExpired(ctx, tokens))) return tokens;
  return (ctx.refreshing ??= withRefreshLock(ctx, () => refreshOnce(ctx, tokens)).finally(() => {
    ctx.refreshing = undefined;
  }));
}

/** Across tabs of one origin, one refresh at a time (Web Locks); in-process only where absent. */
function withRefreshLock<T>(ctx: AuthContext, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks?.request) return work();
  return locks.request(`CognitoIdentityServiceProvider.${ctx.config.userPoolClientId}.refresh`, work) as Promise<T>;
}

async function refreshOnce(ctx: AuthContext, stale: CognitoAuthTokens): Promise<CognitoAuthTokens | null> {
  // Inside the lock: another tab may have refreshed (or signed out) while this one waited.
  const current = await loadTokens(ctx);
  if (!current) return null;
  if (current.accessToken.toString() !== stale.accessToken.toString() && !isExpired(ctx, current)) return current;
  try {
    const refreshed = await refreshTokens(ctx, current);
    await storeTokens(ctx, refreshed);
    ctx.hub.dispatch('auth', { event: 'tokenRefresh' }, 'Auth');
    return refreshed;
  } catch (error) {
    const authError =
      error instanceof AuthError ? error : new AuthError({ name: 'Unknown', message: 'An unknown error has occurred.', underlyingError: error });
    const ended = sessionEnders.some((name) => authError.name.startsWith(name));
    if (ended) await clearTokens(ctx);
    ctx.hub.dispatch('auth', { event: 'tokenRefresh_failure', data: { error: authError } }, 'Auth');
    if (authError.name === 'NotAuthorizedException') return null;
    throw authError;
  }
}
