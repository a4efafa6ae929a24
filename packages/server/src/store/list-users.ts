import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { summaryOf, type UserSummary } from './users.js';
import type { Database } from './schema.js';

/** One ListUsers search, in terms of the users table. */
export type UserSearch =
  /** username_key or sub, compared as stored. */
  | { kind: 'column'; column: 'username_key' | 'sub'; operator: '=' | '^='; value: string }
  /** A standard attribute inside the JSON document, compared ignoring case. */
  | { kind: 'attribute'; name: string; operator: '=' | '^='; value: string }
  | { kind: 'status'; statuses: string[] }
  | { kind: 'enabled'; values: number[] };

export type ListedUser = UserSummary;

/**
 * Up to `limit` users of the pool matching `search`, in username_key order after `afterKey`: a
 * keyset page, stable while users come and go. Every condition is evaluated by the database, so a
 * page never needs more than one query, whatever the share of users that match.
 */
export async function listUsersAfter(
  db: Kysely<Database>,
  poolId: string,
  search: UserSearch | undefined,
  afterKey: string | undefined,
  limit: number,
): Promise<ListedUser[]> {
  let query = db
    .selectFrom('users')
    .select(['username', 'username_key', 'sub', 'status', 'enabled', 'attributes', 'created_at', 'updated_at'])
    .where('pool_id', '=', poolId);
  if (afterKey !== undefined) query = query.where('username_key', '>', afterKey);
  if (search) query = query.where(conditionOf(db, search));
  const rows = await query.orderBy('username_key').limit(limit).execute();
  return rows.map(summaryOf);
}

function conditionOf(db: Kysely<Database>, search: UserSearch): Expression<SqlBool> {
  switch (search.kind) {
    case 'column':
      return compare(sql.ref(search.column), search.operator, sql`${search.value}`);
    case 'attribute':
      return compare(sql`lower(${attributeValue(db, search.name)})`, search.operator, sql`lower(cast(${search.value} as text))`);
    case 'status':
      return search.statuses.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`status in (${sql.join(search.statuses)})`;
    case 'enabled':
      return search.values.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`enabled in (${sql.join(search.values)})`;
  }
}

// Prefixes are compared with substr and length, which both dialects count in characters, where LIKE
// would differ in case handling and need its wildcards escaped.
function compare(column: Expression<unknown>, operator: '=' | '^=', value: Expression<unknown>): Expression<SqlBool> {
  return operator === '='
    ? sql<SqlBool>`${column} = ${value}`
    : sql<SqlBool>`substr(${column}, 1, length(cast(${value} as text))) = ${value}`;
}

/** The attribute's value out of the JSON text column; `name` is one of the searchable attribute names. */
function attributeValue(db: Kysely<Database>, name: string): Expression<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql`(cast(attributes as jsonb) ->> ${sql.lit(name)})`
    : sql`json_extract(attributes, ${sql.lit(`$.${name}`)})`;
}
