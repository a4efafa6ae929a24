import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from './schema.js';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

/** A user as the store holds it: the summary listings show, plus sign-in state and secrets. */
export interface User extends UserSummary {
  poolId: string;
  emailLogin: string | null;
  phoneLogin: string | null;
  preferredUsernameLogin: string | null;
  passwordHash: string | null;
  srpSalt: string | null;
  srpVerifierSealed: string | null;
  passwordChangedAt: number | null;
  failedSignIns: number;
  lockedUntil: number | null;
}

type Db = Kysely<Database> | Transaction<Database>;

/** What listings show of a user (ListUsers, ListUsersInGroup): no secrets, no lockout state. */
export interface UserSummary {
  username: string;
  usernameKey: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

type SummaryRow = Pick<UserRow, 'username' | 'username_key' | 'sub' | 'status' | 'enabled' | 'attributes' | 'created_at' | 'updated_at'>;

export const summaryOf = (row: SummaryRow): UserSummary => ({
  username: row.username,
  usernameKey: row.username_key,
  sub: row.sub,
  status: row.status as UserStatus,
  enabled: row.enabled === 1,
  attributes: JSON.parse(row.attributes) as Record<string, string>,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const fromRow = (row: UserRow): User => ({
  ...summaryOf(row),
  poolId: row.pool_id,
  emailLogin: row.email_login,
  phoneLogin: row.phone_login,
  preferredUsernameLogin: row.preferred_username_login,
  passwordHash: row.password_hash,
  srpSalt: row.srp_salt,
  srpVerifierSealed: row.srp_verifier_sealed,
  passwordChangedAt: row.password_changed_at,
  failedSignIns: row.failed_sign_ins,
  lockedUntil: row.locked_until,
});

const toRow = (user: User): UserRow => ({
  pool_id: user.poolId,
  username: user.username,
  username_key: user.usernameKey,
  sub: user.sub,
  status: user.status,
  enabled: user.enabled ? 1 : 0,
  attributes: JSON.stringify(user.attributes),
  email_login: user.emailLogin,
  phone_login: user.phoneLogin,
  preferred_username_login: user.preferredUsernameLogin,
  password_hash: user.passwordHash,
  srp_salt: user.srpSalt,
  srp_verifier_sealed: user.srpVerifierSealed,
  password_changed_at: user.passwordChangedAt,
  failed_sign_ins: user.failedSignIns,
  locked_until: user.lockedUntil,
  created_at: user.createdAt,
  updated_at: user.updatedAt,
});

export type UserChanges = Partial<Omit<User, 'poolId' | 'sub' | 'createdAt'>>;

const columnOf: Record<keyof UserChanges, keyof UserRow> = {
  username: 'username',
  usernameKey: 'username_key',
  status: 'status',
  enabled: 'enabled',
  attributes: 'attributes',
  emailLogin: 'email_login',
  phoneLogin: 'phone_login',
  preferredUsernameLogin: 'preferred_username_login',
  passwordHash: 'password_hash',
  srpSalt: 'srp_salt',
  srpVerifierSealed: 'srp_verifier_sealed',
  passwordChangedAt: 'password_changed_at',
  failedSignIns: 'failed_sign_ins',
  lockedUntil: 'locked_until',
  updatedAt: 'updated_at',
};

function changesToRow(changes: UserChanges): Partial<UserRow> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const column = columnOf[key as keyof UserChanges];
    row[column] = key === 'attributes' ? JSON.stringify(value) : key === 'enabled' ? (value ? 1 : 0) : value;
  }
  return row as Partial<UserRow>;
}

/** Users of all pools. Uniqueness of usernames and sign-in aliases is enforced by the schema. */
export const userStore = {
  async byUsernameKey(db: Db, poolId: string, usernameKey: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('pool_id', '=', poolId).where('username_key', '=', usernameKey).executeTakeFirst();
    return row && fromRow(row);
  },

  async byLogin(db: Db, poolId: string, column: 'email_login' | 'phone_login' | 'preferred_username_login', value: string) {
    const row = await db.selectFrom('users').selectAll().where('pool_id', '=', poolId).where(column, '=', value).executeTakeFirst();
    return row && fromRow(row);
  },

  /** The grant's revocation and its user (undefined when deleted), in one query: the access-token hot path. */
  async byGrant(db: Db, originJti: string): Promise<{ revokedAt: number | null; user: User | undefined } | undefined> {
    const row = await db
      .selectFrom('grants')
      .leftJoin('users', (join) => join.onRef('users.pool_id', '=', 'grants.pool_id').onRef('users.sub', '=', 'grants.sub'))
      .selectAll('users')
      .select('grants.revoked_at as grant_revoked_at')
      .where('grants.origin_jti', '=', originJti)
      .executeTakeFirst();
    if (!row) return undefined;
    const { grant_revoked_at, ...user } = row;
    return { revokedAt: grant_revoked_at, user: user.sub ? fromRow(user as UserRow) : undefined };
  },

  async bySub(db: Db, poolId: string, sub: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('pool_id', '=', poolId).where('sub', '=', sub).executeTakeFirst();
    return row && fromRow(row);
  },

  async insert(db: Db, user: User): Promise<void> {
    await db.insertInto('users').values(toRow(user)).execute();
  },

  /** Applies `changes`; when `expectedUpdatedAt` is given, only if nobody changed the row since. */
  async update(db: Db, user: Pick<User, 'poolId' | 'sub'>, changes: UserChanges, expectedUpdatedAt?: number): Promise<boolean> {
    let query = db.updateTable('users').set(changesToRow(changes)).where('pool_id', '=', user.poolId).where('sub', '=', user.sub);
    if (expectedUpdatedAt !== undefined) query = query.where('updated_at', '=', expectedUpdatedAt);
    const result = await query.executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async delete(db: Db, user: Pick<User, 'poolId' | 'sub'>): Promise<void> {
    await db.deleteFrom('users').where('pool_id', '=', user.poolId).where('sub', '=', user.sub).execute();
  },

  async groupsOf(db: Db, poolId: string, sub: string): Promise<Array<{ name: string; roleArn: string | null; precedence: number | null }>> {
    const rows = await db
      .selectFrom('group_members')
      .innerJoin('groups', (join) => join.onRef('groups.pool_id', '=', 'group_members.pool_id').onRef('groups.name', '=', 'group_members.group_name'))
      .select(['groups.name', 'groups.role_arn', 'groups.precedence'])
      .where('group_members.pool_id', '=', poolId)
      .where('group_members.sub', '=', sub)
      .execute();
    return rows.map((r) => ({ name: r.name, roleArn: r.role_arn, precedence: r.precedence }));
  },
};

/** Deletes the user and everything kept for it, inside the caller's transaction. */
export async function deleteUserData(tx: Transaction<Database>, user: Pick<User, 'poolId' | 'sub'>): Promise<void> {
  for (const table of ['group_members', 'user_mfa', 'devices', 'codes', 'webauthn_credentials', 'webauthn_registrations'] as const) {
    await tx.deleteFrom(table).where('pool_id', '=', user.poolId).where('sub', '=', user.sub).execute();
  }
  await userStore.delete(tx, user);
}
