import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/schema.js';
import { ShortCache } from '../store/short-cache.js';
import { urlProblem, withoutScheme } from './issuer-url.js';

/** An OpenID Connect provider as IAM declares one: its issuer URL and the audiences its tokens may carry. */
export interface OpenIdConnectProvider {
  /** Host and path: the Logins key of its tokens and the tail of its ARN. */
  url: string;
  issuer: string;
  clientIds: string[];
}

/** Declared providers (from the config, in the store) and, per issuer, the JWKS its discovery document names. */
export class OpenIdConnectProviders {
  private readonly providers: ShortCache<OpenIdConnectProvider | undefined>;
  private readonly keySets = new Map<string, Promise<JWTVerifyGetKey>>();

  constructor(
    private readonly db: Kysely<Database>,
    clock: Clock,
  ) {
    this.providers = new ShortCache(clock, 1000);
  }

  get(url: string): Promise<OpenIdConnectProvider | undefined> {
    return this.providers.get(url, async () => {
      const row = await this.db.selectFrom('openid_connect_providers').selectAll().where('url', '=', url).executeTakeFirst();
      return row && { url: row.url, issuer: row.issuer, clientIds: JSON.parse(row.client_ids) as string[] };
    });
  }

  async put(issuer: string, clientIds: string[], now: number): Promise<void> {
    const url = withoutScheme(issuer);
    this.providers.forget(url);
    const values = { issuer: issuer.replace(/\/+$/, ''), client_ids: JSON.stringify(clientIds), updated_at: now };
    await this.db
      .insertInto('openid_connect_providers')
      .values({ url, ...values, created_at: now })
      .onConflict((oc) => oc.column('url').doUpdateSet(values))
      .execute();
  }

  /** The issuer's keys, found through its discovery document once per process; a failed discovery is retried next time. */
  keysOf(issuer: string): Promise<JWTVerifyGetKey> {
    let keys = this.keySets.get(issuer);
    if (!keys) {
      keys = discoverKeys(issuer);
      keys.catch(() => this.keySets.delete(issuer));
      this.keySets.set(issuer, keys);
    }
    return keys;
  }
}

async function discoverKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000), redirect: 'error' });
  if (response.status !== 200) throw new Error(`${issuer}: discovery answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: unknown };
  const jwksUri = typeof document.jwks_uri === 'string' ? document.jwks_uri : '';
  const problem = urlProblem(jwksUri);
  if (problem) throw new Error(`${issuer}: jwks_uri ${problem}`);
  return createRemoteJWKSet(new URL(jwksUri));
}
