import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { CreatedCursor, Dated } from '../store/pools.js';
import type { Database } from '../store/schema.js';
import { ShortCache } from '../store/short-cache.js';
import type { IdentityPool } from './settings.js';

/** How long another process's change to an identity pool may go unseen here. */
const settingsTtlMs = 1000;

/** Identity pools, stored as one document each: settings and roles. */
export class IdentityPoolStore {
  private readonly cache: ShortCache<IdentityPool | undefined>;

  constructor(
    private readonly db: Kysely<Database>,
    clock: Clock,
  ) {
    this.cache = new ShortCache(clock, settingsTtlMs);
  }

  /** Cached briefly: read on every identity request. Callers must not mutate what they get. */
  get(id: string): Promise<IdentityPool | undefined> {
    return this.cache.get(id, async () => {
      const row = await this.db.selectFrom('identity_pools').select('settings').where('id', '=', id).executeTakeFirst();
      return row && (JSON.parse(row.settings) as IdentityPool);
    });
  }

  /** Pools in creation order, after `after` when given. */
  async listDated(limit: number, after?: CreatedCursor): Promise<Array<Dated<IdentityPool>>> {
    let query = this.db.selectFrom('identity_pools').select(['id', 'settings', 'created_at', 'updated_at']);
    if (after) {
      const [createdAt, id] = after;
      query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map((row) => ({ value: JSON.parse(row.settings) as IdentityPool, createdAt: row.created_at, updatedAt: row.updated_at }));
  }

  async findIdByName(name: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('identity_pools').select('id').where('name', '=', name).orderBy('created_at').executeTakeFirst();
    return row?.id;
  }

  /** The first identity pool (in creation order) that lists the user pool among its providers. */
  async findTrusting(userPoolId: string): Promise<IdentityPool | undefined> {
    const rows = await this.db.selectFrom('identity_pools').select('settings').orderBy('created_at').orderBy('id').execute();
    return rows
      .map((row) => JSON.parse(row.settings) as IdentityPool)
      .find((pool) => pool.CognitoIdentityProviders?.some((provider) => provider.ProviderName?.endsWith(`/${userPoolId}`)));
  }

  async put(pool: IdentityPool, now: number): Promise<void> {
    this.cache.forget(pool.IdentityPoolId);
    const document = JSON.stringify(pool);
    await this.db
      .insertInto('identity_pools')
      .values({ id: pool.IdentityPoolId, name: pool.IdentityPoolName, settings: document, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: pool.IdentityPoolName, settings: document, updated_at: now }))
      .execute();
  }

  /** Deletes the pool with its identities and logins (ON DELETE CASCADE) and the credentials it vended. */
  async delete(id: string): Promise<boolean> {
    this.cache.forget(id);
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('vended_credentials').where('pool_id', '=', id).execute();
      await trx.deleteFrom('identity_logins').where('pool_id', '=', id).execute();
      const deleted = await trx.deleteFrom('identity_pools').where('id', '=', id).executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    });
  }
}
