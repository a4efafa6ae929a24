import { z } from 'zod';
import { listUsersAfter, type ListedUser, type UserSearch } from '../../store/list-users.js';
import type { Context } from '../context.js';
import type { UserPoolSettings } from '../pool.js';
import { resolvePool } from '../pools.js';
import { usernameKeyOf } from '../users.js';
import { parseUserFilter, type FilterOperator, type UserFilter } from './list-users-filter.js';
import { pageSize, readPage } from './paging.js';
import { userType, type UserType } from './user-type.js';

export interface ListUsersRequest {
  UserPoolId: string;
  AttributesToGet?: string[] | undefined;
  Limit?: number | undefined;
  PaginationToken?: string | undefined;
  Filter?: string | undefined;
}

const userStatuses = ['UNCONFIRMED', 'CONFIRMED', 'ARCHIVED', 'COMPROMISED', 'UNKNOWN', 'RESET_REQUIRED', 'FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER'];

/**
 * ListUsers: users in username order, `Limit` at a time (60 when absent or 0). The pagination token
 * names the last user of the page, so pages neither repeat nor skip users while others are added
 * or deleted; it is absent on the last page.
 */
export async function listUsers(context: Context, request: ListUsersRequest): Promise<{ Users: UserType[]; PaginationToken?: string }> {
  const pool = await resolvePool(context, request.UserPoolId);
  const filter = parseUserFilter(request.Filter);
  const search = filter && searchOf(pool, filter);
  const page = await readPage(
    { limit: pageSize(request.Limit), token: request.PaginationToken, cursor: z.string() },
    (limit, afterKey) => listUsersAfter(context.db, pool.Id, search, afterKey, limit),
    (user) => user.usernameKey,
  );
  const Users = page.items.filter((user) => !search || matchesExactly(search, user)).map((user) => userType(user, request.AttributesToGet));
  return page.nextToken ? { Users, PaginationToken: page.nextToken } : { Users };
}

/**
 * The filter as a database condition. Usernames compare as the pool looks them up (ignoring case
 * unless the pool is case-sensitive); attribute values compare ignoring case; `cognito:user_status`
 * ignores case and `status` (Enabled or Disabled) does not, as Cognito documents.
 */
export function searchOf(pool: UserPoolSettings, { attribute, operator, value }: UserFilter): UserSearch {
  switch (attribute) {
    case 'username':
      return { kind: 'column', column: 'username_key', operator, value: usernameKeyOf(pool, value) };
    case 'sub':
      return { kind: 'column', column: 'sub', operator, value };
    case 'cognito:user_status':
      return { kind: 'status', statuses: userStatuses.filter((status) => matches(status, operator, value.toUpperCase())) };
    case 'status':
      return { kind: 'enabled', values: [1, 0].filter((enabled) => matches(enabled ? 'Enabled' : 'Disabled', operator, value)) };
    default:
      return { kind: 'attribute', name: attribute, operator, value };
  }
}

/**
 * Attribute values ignore case in ASCII letters only, the rule SQLite's lower() applies;
 * PostgreSQL's lower() also folds other letters, so its rows are checked again here to give both
 * stores the same answer.
 */
function matchesExactly(search: UserSearch, user: ListedUser): boolean {
  if (search.kind !== 'attribute') return true;
  const stored = user.attributes[search.name];
  return stored !== undefined && matches(asciiLower(stored), search.operator, asciiLower(search.value));
}

const matches = (stored: string, operator: FilterOperator, value: string) => (operator === '=' ? stored === value : stored.startsWith(value));

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
