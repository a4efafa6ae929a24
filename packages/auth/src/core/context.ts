import type { KeyValueStorage } from '../storage/types.js';
import type { CognitoAuthTokens } from '../tokens/token-store.js';
import type { AutoSignInState } from '../sign-up/auto-sign-in-state.js';
import type { CacheInstance } from '../cache/cache.js';
import type { IdentityState } from '../identity/credentials-cache.js';
import type { RefreshHandlers } from '../types.js';
import type { ResolvedConfig } from './config.js';
import type { Hub } from './hub.js';

/** Which operation refreshes tokens (reference §2.8.4 J); both rotate when the client rotates. */
export type RefreshOperation = 'GetTokensFromRefreshToken' | 'REFRESH_TOKEN_AUTH';

/** Everything one auth instance owns. Functions take it as their first argument. */
export interface AuthContext {
  config: ResolvedConfig;
  /** Tokens, under Amplify's keys. */
  storage: KeyValueStorage;
  /** Sign-in in progress (challenge, session), so it survives a page reload. */
  signInStorage: KeyValueStorage;
  hub: Hub;
  /** Wall-clock milliseconds; token expiry is judged with it, corrected by the measured drift. */
  now: () => number;
  fetch: typeof fetch;
  headers?: (() => Promise<Record<string, string>> | Record<string, string>) | undefined;
  refreshOperation: RefreshOperation;
  /** The one refresh in flight in this instance, shared by every caller that asks meanwhile. */
  refreshing?: Promise<CognitoAuthTokens | null> | undefined;
  autoSignIn?: AutoSignInState | undefined;
  /** Identity-pool credentials and identity ids held in memory (reference §5.3). */
  identity: IdentityState;
  /** Where a federated sign-in is kept, under `federatedInfo`. */
  cache: CacheInstance;
  /** Renew federated tokens, by provider. */
  refreshHandlers: RefreshHandlers;
}
