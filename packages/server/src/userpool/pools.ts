import { fail, messages } from '../errors.js';
import type { User } from '../store/users.js';
import type { Context } from './context.js';
import type { UserPoolSettings } from './pool.js';
import { findUserForSignIn } from './users.js';

/** The pool an admin operation names. */
export async function resolvePool(context: Context, poolId: string): Promise<UserPoolSettings> {
  const pool = await context.pools.getPool(poolId);
  return pool ?? fail('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
}

/** The user an admin operation names, by username or by an identifier that signs them in. */
export async function resolveUser(context: Context, pool: UserPoolSettings, username: string): Promise<User> {
  const user = await findUserForSignIn(context, pool, username);
  return user ?? fail('UserNotFoundException', messages.userDoesNotExist);
}
