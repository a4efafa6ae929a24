import type { UserPoolSettings } from '../pool.js';

/**
 * Where passkeys of a pool belong. Cognito's relying party is the pool's domain unless
 * WebAuthnConfiguration.RelyingPartyId names another; a self-hosted pool has no domain of Cognito's,
 * so without a RelyingPartyId it is `localhost`, which browsers accept for development.
 */
export const defaultRelyingPartyId = 'localhost';

export interface RelyingParty {
  id: string;
  /** What the user is shown next to the passkey: the pool's name. */
  name: string;
  userVerification: 'required' | 'preferred';
  /** MULTI_FACTOR_WITH_USER_VERIFICATION: a verified passkey stands in for MFA too. */
  multiFactor: boolean;
}

export function relyingPartyOf(pool: UserPoolSettings): RelyingParty {
  const config = pool.WebAuthnConfiguration ?? {};
  return {
    id: config.RelyingPartyId ?? defaultRelyingPartyId,
    name: pool.Name,
    userVerification: config.UserVerification ?? 'preferred',
    multiFactor: config.FactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION',
  };
}

/**
 * The origins a ceremony for this relying party may come from (WebAuthn §13.4.9): an https page on
 * the RP ID or one of its subdomains, on any port; for `localhost`, http as well, as browsers treat
 * http://localhost as a secure context.
 */
export function originAllowed(rpId: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  const host = url.hostname.toLowerCase();
  const id = rpId.toLowerCase();
  const onRp = host === id || host.endsWith(`.${id}`);
  if (url.protocol === 'https:') return onRp;
  return url.protocol === 'http:' && id === 'localhost' && host === 'localhost';
}
