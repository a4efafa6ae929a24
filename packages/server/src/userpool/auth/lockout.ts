import { fail, messages } from '../../errors.js';
import type { User } from '../../store/users.js';
import type { Context } from '../context.js';

/** Failures allowed before the first lockout; Cognito's is 5. */
export const failuresBeforeLockout = 5;
const maxLockoutMs = 15 * 60_000;

/** Lockouts start at 1 s after the fifth failure and double with each further one, up to 15 minutes. */
export function lockoutMsAfter(failures: number): number {
  if (failures < failuresBeforeLockout) return 0;
  return Math.min(1000 * 2 ** (failures - failuresBeforeLockout), maxLockoutMs);
}

/** Refuses without checking the password while locked, so attempts during a lockout do not extend it. */
export function assertNotLockedOut(context: Context, user: User): void {
  if (user.lockedUntil !== null && user.lockedUntil > context.clock.now()) {
    fail('NotAuthorizedException', messages.passwordAttemptsExceeded);
  }
}

/** Counts a failed sign-in atomically (two processes may fail the same user at once). */
export async function recordFailedSignIn(context: Context, user: User): Promise<void> {
  const row = await context.db
    .updateTable('users')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('pool_id', '=', user.poolId)
    .where('sub', '=', user.sub)
    .returning('failed_sign_ins')
    .executeTakeFirst();
  const lockMs = lockoutMsAfter(row?.failed_sign_ins ?? 0);
  if (lockMs > 0) {
    await context.db
      .updateTable('users')
      .set({ locked_until: context.clock.now() + lockMs })
      .where('pool_id', '=', user.poolId)
      .where('sub', '=', user.sub)
      .execute();
  }
}

export async function recordSuccessfulSignIn(context: Context, user: User): Promise<void> {
  if (user.failedSignIns === 0 && user.lockedUntil === null) return;
  await context.db
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_until: null })
    .where('pool_id', '=', user.poolId)
    .where('sub', '=', user.sub)
    .execute();
}
