import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Sealer } from '../crypto/seal.js';
import type { UserPoolClient, UserPoolClientSettings } from '../userpool/client.js';
import type { UserPoolSettings } from '../userpool/pool.js';
import type { Database } from './schema.js';
import { ShortCache } from './short-cache.js';

/** How long another process's change to a pool or client may go unseen here. */
const settingsTtlMs = 1000;

/** A stored document with the times Cognito reports as CreationDate and LastModifiedDate (epoch ms). */
export interface Dated<T> {
  value: T;
  createdAt: number;
  updatedAt: number;
}

/** Keyset position: the creation time and id of the last item of the previous page. */
export type CreatedCursor = [createdAt: number, id: string];

/** User pools and app clients, stored as the settings documents Cognito describes them with. */
export class PoolStore {
  private readonly pools: ShortCache<UserPoolSettings | undefined>;
  private readonly clients: ShortCache<UserPoolClient | undefined>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
    clock: Clock,
  ) {
    this.pools = new ShortCache(clock, settingsTtlMs);
    this.clients = new ShortCache(clock, settingsTtlMs);
  }

  /** Cached briefly: read on every request. Callers must not mutate what they get. */
  getPool(id: string): Promise<UserPoolSettings | undefined> {
    return this.pools.get(id, async () => {
      const row = await this.db.selectFrom('user_pools').select('settings').where('id', '=', id).executeTakeFirst();
      return row && (JSON.parse(row.settings) as UserPoolSettings);
    });
  }

  async getDatedPool(id: string): Promise<Dated<UserPoolSettings> | undefined> {
    const row = await this.db.selectFrom('user_pools').select(['settings', 'created_at', 'updated_at']).where('id', '=', id).executeTakeFirst();
    return row && { value: JSON.parse(row.settings) as UserPoolSettings, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  /** Pools in creation order, after `after` when given. */
  async listDatedPools(limit: number, after?: CreatedCursor): Promise<Array<Dated<UserPoolSettings>>> {
    let query = this.db.selectFrom('user_pools').select(['id', 'settings', 'created_at', 'updated_at']);
    if (after) {
      const [createdAt, id] = after;
      query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map((row) => ({ value: JSON.parse(row.settings) as UserPoolSettings, createdAt: row.created_at, updatedAt: row.updated_at }));
  }

  async countUsers(poolId: string): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll().as('count')).where('pool_id', '=', poolId).executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /**
   * Deletes the pool and everything in it in one transaction: clients, users, groups, memberships and
   * keys follow by ON DELETE CASCADE; codes, sign-in sessions and grants (with their refresh tokens)
   * have no foreign key to the pool and are deleted here.
   */
  async deletePool(id: string): Promise<boolean> {
    this.pools.forget(id);
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('codes').where('pool_id', '=', id).execute();
      await trx.deleteFrom('auth_sessions').where('pool_id', '=', id).execute();
      await trx.deleteFrom('grants').where('pool_id', '=', id).execute();
      await trx.deleteFrom('user_mfa').where('pool_id', '=', id).execute();
      await trx.deleteFrom('devices').where('pool_id', '=', id).execute();
      await trx.deleteFrom('webauthn_credentials').where('pool_id', '=', id).execute();
      await trx.deleteFrom('webauthn_registrations').where('pool_id', '=', id).execute();
      const deleted = await trx.deleteFrom('user_pools').where('id', '=', id).executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    });
  }

  async findPoolIdByName(name: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('user_pools').select('id').where('name', '=', name).orderBy('created_at').executeTakeFirst();
    return row?.id;
  }

  async listPools(): Promise<UserPoolSettings[]> {
    const rows = await this.db.selectFrom('user_pools').select('settings').orderBy('created_at').execute();
    return rows.map((row) => JSON.parse(row.settings) as UserPoolSettings);
  }

  /** Inserts or replaces the pool; returns true when it was created. */
  async putPool(settings: UserPoolSettings, now: number): Promise<boolean> {
    this.pools.forget(settings.Id);
    const document = JSON.stringify(settings);
    const updated = await this.db
      .updateTable('user_pools')
      .set({ name: settings.Name, settings: document, updated_at: now })
      .where('id', '=', settings.Id)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) return false;
    await this.db
      .insertInto('user_pools')
      .values({ id: settings.Id, name: settings.Name, settings: document, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return true;
  }

  /** Cached briefly, like getPool. */
  getClient(clientId: string): Promise<UserPoolClient | undefined> {
    return this.clients.get(clientId, async () => {
      const row = await this.db.selectFrom('user_pool_clients').select(['settings', 'secret_sealed']).where('id', '=', clientId).executeTakeFirst();
      if (!row) return undefined;
      const settings = JSON.parse(row.settings) as UserPoolClientSettings;
      return row.secret_sealed ? { ...settings, ClientSecret: this.sealer.openText(row.secret_sealed, secretContext(clientId)) } : settings;
    });
  }

  async getDatedClient(clientId: string): Promise<Dated<UserPoolClient> | undefined> {
    const row = await this.db.selectFrom('user_pool_clients').select(['created_at', 'updated_at']).where('id', '=', clientId).executeTakeFirst();
    const client = row && (await this.getClient(clientId));
    return client && { value: client, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  /** The pool's clients in creation order, after `after` when given; without secrets. */
  async listClientSettings(poolId: string, limit: number, after?: CreatedCursor): Promise<Array<Dated<UserPoolClientSettings>>> {
    let query = this.db.selectFrom('user_pool_clients').select(['id', 'settings', 'created_at', 'updated_at']).where('pool_id', '=', poolId);
    if (after) {
      const [createdAt, id] = after;
      query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map((row) => ({ value: JSON.parse(row.settings) as UserPoolClientSettings, createdAt: row.created_at, updatedAt: row.updated_at }));
  }

  /** Deletes the client with its sign-in sessions and grants, so its refresh and access tokens stop working. */
  async deleteClient(poolId: string, clientId: string): Promise<boolean> {
    this.clients.forget(clientId);
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('user_pool_clients').where('id', '=', clientId).where('pool_id', '=', poolId).executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return false;
      await trx.deleteFrom('auth_sessions').where('client_id', '=', clientId).execute();
      await trx.deleteFrom('grants').where('client_id', '=', clientId).execute();
      return true;
    });
  }

  async findClientIdByName(poolId: string, name: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('user_pool_clients')
      .select('id')
      .where('pool_id', '=', poolId)
      .where('name', '=', name)
      .orderBy('created_at')
      .executeTakeFirst();
    return row?.id;
  }

  async listClients(poolId: string): Promise<UserPoolClient[]> {
    const rows = await this.db.selectFrom('user_pool_clients').select('id').where('pool_id', '=', poolId).orderBy('created_at').execute();
    const clients = await Promise.all(rows.map((row) => this.getClient(row.id)));
    return clients.filter((c): c is UserPoolClient => c !== undefined);
  }

  /** Inserts or replaces the client; `secret` undefined keeps the stored one, null removes it. */
  async putClient(settings: UserPoolClientSettings, secret: string | null | undefined, now: number): Promise<void> {
    this.clients.forget(settings.ClientId);
    const document = JSON.stringify(settings);
    const sealed = secret ? this.sealer.seal(secret, secretContext(settings.ClientId)) : secret;
    const updated = await this.db
      .updateTable('user_pool_clients')
      .set({
        name: settings.ClientName,
        settings: document,
        updated_at: now,
        ...(sealed === undefined ? {} : { secret_sealed: sealed }),
      })
      .where('id', '=', settings.ClientId)
      .where('pool_id', '=', settings.UserPoolId)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) return;
    await this.db
      .insertInto('user_pool_clients')
      .values({
        id: settings.ClientId,
        pool_id: settings.UserPoolId,
        name: settings.ClientName,
        secret_sealed: sealed ?? null,
        settings: document,
        created_at: now,
        updated_at: now,
      })
      // Two processes applying one config at once both get here: the second one just updates.
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ name: settings.ClientName, settings: document, updated_at: now, ...(sealed === undefined ? {} : { secret_sealed: sealed }) }),
      )
      .execute();
  }
}

const secretContext = (clientId: string) => `client-secret:${clientId}`;
