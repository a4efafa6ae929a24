import type { AuthContext } from '../core/context.js';
import type { IdentityCredentials, Logins } from './identity-pool.js';

/** Amplify reuses credentials for 50 minutes after it fetched them (reference §5.3)… */
const credentialsTtlMs = 50 * 60_000;
/** …and the AWS SDK renews them 5 minutes before Expiration: whichever comes first. */
const expiryWindowMs = 5 * 60_000;

/** What one instance holds in memory about identities; replaced whole when it forgets them. */
export interface IdentityState {
  /** The signed-in user's identity id (Amplify keeps it in memory only), and whose it is. */
  primary?: { identityId: string; owner: string };
  cached?: { key: string; value: IdentityCredentials; renewAtMs: number };
  /** The one fetch in flight, shared by every caller with the same logins meanwhile. */
  pending?: { key: string; promise: Promise<IdentityCredentials> };
}

/** Credentials are cached by the logins they were fetched with: new tokens, new credentials (as Amplify). */
export const loginsKey = (logins?: Logins): string => JSON.stringify(logins ?? {});

/**
 * The credentials for the logins `key` names: the cached ones until renewal is due (or `forceRefresh`),
 * else fresh ones from `fetchFresh`, one fetch at a time. `fetchFresh` answers the key of the logins
 * it really used (a renewed federated token gives another).
 */
export function cachedCredentials(
  ctx: AuthContext,
  key: string,
  forceRefresh: boolean,
  fetchFresh: () => Promise<{ key: string; value: IdentityCredentials }>,
): Promise<IdentityCredentials> {
  const state = ctx.identity;
  const { cached, pending } = state;
  if (!forceRefresh && cached?.key === key && ctx.now() < cached.renewAtMs) return Promise.resolve(cached.value);
  if (pending?.key === key) return pending.promise;
  const promise: Promise<IdentityCredentials> = fetchFresh()
    .then(({ key: usedKey, value }) => {
      const renewAtMs = Math.min(ctx.now() + credentialsTtlMs, value.credentials.expiration.getTime() - expiryWindowMs);
      state.cached = { key: usedKey, value, renewAtMs };
      return value;
    })
    .finally(() => {
      if (state.pending?.promise === promise) state.pending = undefined;
    });
  state.pending = { key, promise };
  return promise;
}
