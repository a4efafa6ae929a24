import type { Kysely } from 'kysely';
import { fail } from '../errors.js';
import type { CreatedCursor } from '../store/pools.js';
import type { Database } from '../store/schema.js';
import { uniqueViolation } from '../store/unique-violation.js';

export interface Identity {
  id: string;
  poolId: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A login linked to an identity: the provider's canonical name and the user's id there. */
export interface LinkedLogin {
  provider: string;
  subject: string;
}

type Db = Kysely<Database>;

/** A login another request linked between our lookup and our insert. */
export class LoginTakenError extends Error {}

const identityOf = (row: { id: string; pool_id: string; disabled: number; created_at: number; updated_at: number }): Identity => ({
  id: row.id,
  poolId: row.pool_id,
  disabled: row.disabled !== 0,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const identityStore = {
  async get(db: Db, id: string): Promise<Identity | undefined> {
    const row = await db.selectFrom('identities').selectAll().where('id', '=', id).executeTakeFirst();
    return row && identityOf(row);
  },

  async loginsOf(db: Db, identityId: string): Promise<LinkedLogin[]> {
    return db.selectFrom('identity_logins').select(['provider', 'subject']).where('identity_id', '=', identityId).orderBy('created_at').orderBy('provider').orderBy('subject').execute();
  },

  /** The identity each login is linked to, if any. */
  async ownerOf(db: Db, poolId: string, login: LinkedLogin): Promise<string | undefined> {
    const row = await db
      .selectFrom('identity_logins')
      .select('identity_id')
      .where('pool_id', '=', poolId)
      .where('provider', '=', login.provider)
      .where('subject', '=', login.subject)
      .executeTakeFirst();
    return row?.identity_id;
  },

  /**
   * Links logins to the identity (enabled again), creating it first when `create` is set, in one
   * transaction: when another request linked one of the logins meanwhile, nothing is written.
   */
  async link(db: Db, identity: Pick<Identity, 'id' | 'poolId'>, logins: LinkedLogin[], now: number, create = false): Promise<void> {
    try {
      await db.transaction().execute(async (trx) => {
        if (create) await trx.insertInto('identities').values({ id: identity.id, pool_id: identity.poolId, disabled: 0, created_at: now, updated_at: now }).execute();
        for (const login of logins) {
          await trx
            .insertInto('identity_logins')
            .values({ pool_id: identity.poolId, provider: login.provider, subject: login.subject, identity_id: identity.id, created_at: now })
            .execute();
        }
        if (!create) await trx.updateTable('identities').set({ disabled: 0, updated_at: now }).where('id', '=', identity.id).execute();
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new LoginTakenError();
      throw error;
    }
  },

  /**
   * Moves every login of `fromId` to `intoId` and deletes `fromId`. Two identities that hold different
   * users of one provider cannot become one; a developer provider may link several users.
   */
  async merge(db: Db, fromId: string, intoId: string, developerProvider: string | undefined, now: number): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const [from, into] = await Promise.all([identityStore.loginsOf(trx, fromId), identityStore.loginsOf(trx, intoId)]);
      const clash = from.find((a) => a.provider !== developerProvider && into.some((b) => b.provider === a.provider && b.subject !== a.subject));
      if (clash) fail('ResourceConflictException', `The identities have different logins of the same provider (${clash.provider}) and cannot be merged.`);
      await trx.updateTable('identity_logins').set({ identity_id: intoId }).where('identity_id', '=', fromId).execute();
      await trx.deleteFrom('identities').where('id', '=', fromId).execute();
      await trx.updateTable('identities').set({ disabled: 0, updated_at: now }).where('id', '=', intoId).execute();
    });
  },

  /** Removes the identity's logins of these providers (or only this subject); with none left it is disabled. */
  async unlink(db: Db, identityId: string, provider: string, subject: string | undefined, now: number): Promise<number> {
    return db.transaction().execute(async (trx) => {
      let query = trx.deleteFrom('identity_logins').where('identity_id', '=', identityId).where('provider', '=', provider);
      if (subject !== undefined) query = query.where('subject', '=', subject);
      const deleted = Number((await query.executeTakeFirst()).numDeletedRows);
      if (deleted > 0) {
        const left = await trx.selectFrom('identity_logins').select('provider').where('identity_id', '=', identityId).limit(1).execute();
        await trx.updateTable('identities').set({ updated_at: now, ...(left.length === 0 ? { disabled: 1 } : {}) }).where('id', '=', identityId).execute();
      }
      return deleted;
    });
  },

  /** The pool's identities in creation order, after `after` when given. */
  async list(db: Db, poolId: string, limit: number, after: CreatedCursor | undefined, hideDisabled: boolean): Promise<Identity[]> {
    let query = db.selectFrom('identities').selectAll().where('pool_id', '=', poolId);
    if (hideDisabled) query = query.where('disabled', '=', 0);
    if (after) {
      const [createdAt, id] = after;
      query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
    }
    return (await query.orderBy('created_at').orderBy('id').limit(limit).execute()).map(identityOf);
  },

  /** The subjects of one provider linked to the identity, in order, after `after` when given. */
  async subjectsOf(db: Db, identityId: string, provider: string, limit: number, after: string | undefined): Promise<string[]> {
    let query = db.selectFrom('identity_logins').select('subject').where('identity_id', '=', identityId).where('provider', '=', provider);
    if (after !== undefined) query = query.where('subject', '>', after);
    return (await query.orderBy('subject').limit(limit).execute()).map((row) => row.subject);
  },

  async delete(db: Db, ids: string[]): Promise<void> {
    if (ids.length > 0) await db.deleteFrom('identities').where('id', 'in', ids).execute();
  },
};
