import type { Clock } from '../../clock.js';
import type { LoginProviderSettings } from '../../config/settings.js';
import { sha256Hex } from '../../crypto/hashes.js';
import { ShortCache } from '../../store/short-cache.js';
import { askProvider, type ProviderAnswer } from './provider-request.js';

/** Who a provider says an access token belongs to: the user's id there and the app(s) it was issued to. */
export interface TokenOwner {
  subject: string;
  apps: string[];
}

/**
 * A client sends GetId and then GetCredentialsForIdentity with the same token within moments: a
 * provider's answer is kept this long, so the second call does not ask again. Refusals are not kept.
 */
const verifiedTokenTtlMs = 30_000;

/** The public login providers as this process reaches them: their base URLs, the timeout, the tokens recently verified. */
export class PublicLoginProviders {
  private readonly owners: ShortCache<TokenOwner>;

  constructor(
    readonly settings: LoginProviderSettings,
    clock: Clock,
  ) {
    this.owners = new ShortCache(clock, verifiedTokenTtlMs);
  }

  ask(url: string): Promise<ProviderAnswer> {
    return askProvider(url, this.settings.timeoutMs);
  }

  /** The owner of a token, from `inspect` (which asks the provider) unless a recent answer is kept; only a hash of the token is kept. */
  ownerOf(key: string, token: string, inspect: () => Promise<TokenOwner>): Promise<TokenOwner> {
    return this.owners.get(sha256Hex(`${key}\n${token}`), inspect);
  }
}
