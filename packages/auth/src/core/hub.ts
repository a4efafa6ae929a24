import type { AuthError } from '../errors.js';
import type { AuthUser, FederatedAuthenticatedUser } from '../types.js';

/** The `auth` channel's events, as Amplify v6 names them (reference §6.5); federatedSignIn's as v5 did. */
export type AuthHubEventData =
  | { event: 'signedIn'; data: AuthUser }
  | { event: 'signIn'; data: FederatedAuthenticatedUser; message: string }
  | { event: 'signedOut' }
  | { event: 'tokenRefresh' }
  | { event: 'tokenRefresh_failure'; data: { error: AuthError } }
  | { event: 'signInWithRedirect' }
  | { event: 'signInWithRedirect_failure'; data: { error: AuthError } }
  | { event: 'customOAuthState'; data: string };

export interface HubPayload {
  event: string;
  data?: unknown;
  message?: string;
}

export interface HubCapsule<Payload = HubPayload> {
  channel: string;
  payload: Payload;
  source: string;
  patternInfo?: string[];
}

export type HubCallback<Payload = HubPayload> = (capsule: HubCapsule<Payload>) => void;

export interface Hub {
  /** Calls `callback` for every event on `channel`; returns the function that stops it. */
  listen(channel: 'auth', callback: HubCallback<AuthHubEventData>): () => void;
  listen(channel: string, callback: HubCallback): () => void;
  dispatch(channel: 'auth', payload: AuthHubEventData, source?: string): void;
  dispatch(channel: string, payload: HubPayload, source?: string): void;
}

/**
 * An event bus by channel. Each auth instance dispatches into its own hub; the top-level `Hub`
 * is the default instance's.
 */
export function createHub(): Hub {
  const listeners = new Map<string, Set<HubCallback<never>>>();
  return {
    listen(channel: string, callback: HubCallback<never>) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(callback));
      return () => void set.delete(callback);
    },
    dispatch(channel: string, payload: HubPayload | AuthHubEventData, source = '') {
      for (const callback of [...(listeners.get(channel) ?? [])]) {
        try {
          (callback as HubCallback)({ channel, payload, source, patternInfo: [] });
        } catch {
          // A failing listener must not break the sign-in or refresh that dispatched the event.
        }
      }
    },
  };
}
