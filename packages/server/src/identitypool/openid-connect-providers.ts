import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/schema.js';
import { ShortCache } from '../store/short-cache.js';
import { urlProblem, withoutScheme } from './issuer-url.js';
import { askProvider } from './logins/provider-request.js';

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
    /** How long discovery and each key fetch may take: the login-provider timeout. */
    private readonly timeoutMs: number,
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
      keys = discoverKeys(issuer, this.timeoutMs);
      keys.catch(() => this.keySets.delete(issuer));
      this.keySets.set(issuer, keys);
    }
    return keys;
  }
}

/** The discovery document is read as a provider's answer is: bounded in time and size, no redirects. */
async function discoverKeys(issuer: string, timeoutMs: number): Promise<JWTVerifyGetKey> {
  const { status, body } = await askProvider(`${issuer}/.well-known/openid-configuration`, timeoutMs);
  if (status !== 200) throw new Error(`${issuer}: discovery answered ${status}`);
  const jwksUri = (body as { jwks_uri?: unknown } | undefined)?.jwks_uri;
  const problem = typeof jwksUri === 'string' ? urlProblem(jwksUri) : 'is missing';
  if (problem) throw new Error(`${issuer}: jwks_uri ${problem}`);
  return createRemoteJWKSet(new URL(jwksUri as string), { timeoutDuration: timeoutMs });
}
