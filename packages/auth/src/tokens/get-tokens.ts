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
  return (ctx.refreshing ??= withRefreshLock(ctx, (waited) => refreshOnce(ctx, tokens, waited)).finally(() => {
    ctx.refreshing = undefined;
  }));
}

/** Across tabs of one origin, one refresh at a time (Web Locks); in-process only where absent. */
function withRefreshLock<T>(ctx: AuthContext, work: (waited: boolean) => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks?.request) return work(false);
  const name = `CognitoIdentityServiceProvider.${ctx.config.userPoolClientId}.refresh`;
  return locks.request(name, { ifAvailable: true }, (lock) => (lock ? work(false) : locks.request(name, () => work(true)))) as Promise<T>;
}

/** Another tab's writes reach this one a little after its lock is released: wait for them (bounded). */
const storageChange = (ms: number) =>
  new Promise<void>((done) => {
    if (typeof addEventListener !== 'function') return done();
    const finish = () => (removeEventListener('storage', finish), clearTimeout(timer), done());
    const timer = setTimeout(finish, ms);
    addEventListener('storage', finish);
  });

async function refreshOnce(ctx: AuthContext, stale: CognitoAuthTokens, waited = false): Promise<CognitoAuthTokens | null> {
  // Inside the lock: another tab may have refreshed (or signed out) while this one waited.
  let current = await loadTokens(ctx);
  // Another tab's refresh lands here key by key, a little after its lock is released: wait (bounded)
  // until this tab sees all of it.
  const deadline = Date.now() + 1000;
  while (waited && current && isExpired(ctx, current) && Date.now() < deadline) {
    await storageChange(deadline - Date.now());
    current = await loadTokens(ctx);
  }
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
