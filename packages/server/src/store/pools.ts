import type { Kysely } from 'kysely';
import type { Sealer } from '../crypto/seal.js';
import type { UserPoolClient, UserPoolClientSettings } from '../userpool/client.js';
import type { UserPoolSettings } from '../userpool/pool.js';
import type { Database } from './schema.js';

/** User pools and app clients, stored as the settings documents Cognito describes them with. */
export class PoolStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  async getPool(id: string): Promise<UserPoolSettings | undefined> {
    const row = await this.db.selectFrom('user_pools').select('settings').where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.settings) as UserPoolSettings);
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

  async getClient(clientId: string): Promise<UserPoolClient | undefined> {
    const row = await this.db
      .selectFrom('user_pool_clients')
      .select(['settings', 'secret_sealed'])
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (!row) return undefined;
    const settings = JSON.parse(row.settings) as UserPoolClientSettings;
    return row.secret_sealed
      ? { ...settings, ClientSecret: this.sealer.openText(row.secret_sealed, secretContext(clientId)) }
      : settings;
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
      .execute();
  }
}

const secretContext = (clientId: string) => `client-secret:${clientId}`;
