import type { Kysely, Transaction } from 'kysely';
import { summaryOf, type UserSummary } from './users.js';
import type { Database, GroupRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Group {
  poolId: string;
  name: string;
  description: string | null;
  roleArn: string | null;
  precedence: number | null;
  createdAt: number;
  updatedAt: number;
}

export type GroupChanges = Partial<Pick<Group, 'description' | 'roleArn' | 'precedence'>>;

/** What ListUsersInGroup tells of a member. */
export type GroupMember = UserSummary;

const fromRow = (row: GroupRow): Group => ({
  poolId: row.pool_id,
  name: row.name,
  description: row.description,
  roleArn: row.role_arn,
  precedence: row.precedence,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Groups of a pool and their members (by `sub`); deleting a group deletes its memberships by cascade. */
export const groupStore = {
  async get(db: Db, poolId: string, name: string): Promise<Group | undefined> {
    const row = await db.selectFrom('groups').selectAll().where('pool_id', '=', poolId).where('name', '=', name).executeTakeFirst();
    return row && fromRow(row);
  },

  /** Throws the store's unique violation when the pool already has a group of that name. */
  async insert(db: Db, group: Group): Promise<void> {
    await db
      .insertInto('groups')
      .values({
        pool_id: group.poolId,
        name: group.name,
        description: group.description,
        role_arn: group.roleArn,
        precedence: group.precedence,
        created_at: group.createdAt,
        updated_at: group.updatedAt,
      })
      .execute();
  },

  async update(db: Db, poolId: string, name: string, changes: GroupChanges, now: number): Promise<boolean> {
    const result = await db
      .updateTable('groups')
      .set({
        ...(changes.description === undefined ? {} : { description: changes.description }),
        ...(changes.roleArn === undefined ? {} : { role_arn: changes.roleArn }),
        ...(changes.precedence === undefined ? {} : { precedence: changes.precedence }),
        updated_at: now,
      })
      .where('pool_id', '=', poolId)
      .where('name', '=', name)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async delete(db: Db, poolId: string, name: string): Promise<boolean> {
    const result = await db.deleteFrom('groups').where('pool_id', '=', poolId).where('name', '=', name).executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** The pool's groups by name, after `afterName` when given. */
  async list(db: Db, poolId: string, limit: number, afterName?: string): Promise<Group[]> {
    let query = db.selectFrom('groups').selectAll().where('pool_id', '=', poolId);
    if (afterName !== undefined) query = query.where('name', '>', afterName);
    return (await query.orderBy('name').limit(limit).execute()).map(fromRow);
  },

  /** Adding a member twice is not an error, as in Cognito. */
  async addMember(db: Db, poolId: string, name: string, sub: string): Promise<void> {
    await db
      .insertInto('group_members')
      .values({ pool_id: poolId, group_name: name, sub })
      .onConflict((oc) => oc.columns(['pool_id', 'group_name', 'sub']).doNothing())
      .execute();
  },

  async removeMember(db: Db, poolId: string, name: string, sub: string): Promise<void> {
    await db.deleteFrom('group_members').where('pool_id', '=', poolId).where('group_name', '=', name).where('sub', '=', sub).execute();
  },

  /** The groups a user belongs to, by name, after `afterName` when given. */
  async groupsOf(db: Db, poolId: string, sub: string, limit: number, afterName?: string): Promise<Group[]> {
    let query = db
      .selectFrom('groups')
      .innerJoin('group_members', (join) => join.onRef('group_members.pool_id', '=', 'groups.pool_id').onRef('group_members.group_name', '=', 'groups.name'))
      .selectAll('groups')
      .where('group_members.pool_id', '=', poolId)
      .where('group_members.sub', '=', sub);
    if (afterName !== undefined) query = query.where('groups.name', '>', afterName);
    return (await query.orderBy('groups.name').limit(limit).execute()).map(fromRow);
  },

  /** The group's members by username, after `afterUsernameKey` when given. */
  async membersOf(db: Db, poolId: string, name: string, limit: number, afterUsernameKey?: string): Promise<GroupMember[]> {
    let query = db
      .selectFrom('users')
      .innerJoin('group_members', (join) => join.onRef('group_members.pool_id', '=', 'users.pool_id').onRef('group_members.sub', '=', 'users.sub'))
      .select(['users.username', 'users.username_key', 'users.sub', 'users.status', 'users.enabled', 'users.attributes', 'users.created_at', 'users.updated_at'])
      .where('group_members.pool_id', '=', poolId)
      .where('group_members.group_name', '=', name);
    if (afterUsernameKey !== undefined) query = query.where('users.username_key', '>', afterUsernameKey);
    const rows = await query.orderBy('users.username_key').limit(limit).execute();
    return rows.map(summaryOf);
  },
};
