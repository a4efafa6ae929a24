import { constantTimeEqual, sha256Hex } from '../crypto/hashes.js';
import { fail, messages } from '../errors.js';
import type { User } from '../store/users.js';
import type { Context } from './context.js';

export type CodePurpose = 'sign-up' | 'forgot-password' | `verify:${'email' | 'phone_number'}`;

const lifetimeMs: Record<string, number> = {
  'sign-up': 24 * 3600_000,
  'forgot-password': 3600_000,
  'verify:email': 24 * 3600_000,
  'verify:phone_number': 24 * 3600_000,
};

/** Wrong guesses a code survives; past this it is spent and a new one must be requested. */
export const maxCodeAttempts = 5;

/** A fresh 6-digit code for `purpose`, replacing any earlier one. Only its hash is stored. */
export async function issueCode(context: Context, user: Pick<User, 'poolId' | 'sub'>, purpose: CodePurpose, payload?: string): Promise<string> {
  const code = context.random.digits(6);
  const now = context.clock.now();
  const row = {
    code_hash: codeHash(user.sub, purpose, code),
    payload: payload ?? null,
    attempts: 0,
    expires_at: now + lifetimeMs[purpose]!,
    created_at: now,
  };
  await context.db
    .insertInto('codes')
    .values({ pool_id: user.poolId, sub: user.sub, purpose, ...row })
    .onConflict((oc) => oc.columns(['pool_id', 'sub', 'purpose']).doUpdateSet(row))
    .execute();
  return code;
}

/**
 * Consumes a code: right, unexpired and unused exactly once, even when two requests race (the
 * delete that consumes it is conditional on the hash). Returns the payload stored with it.
 */
export async function consumeCode(context: Context, user: Pick<User, 'poolId' | 'sub'>, purpose: CodePurpose, code: string): Promise<string | null> {
  const where = { pool_id: user.poolId, sub: user.sub, purpose };
  const row = await context.db.selectFrom('codes').selectAll().where('pool_id', '=', where.pool_id).where('sub', '=', where.sub).where('purpose', '=', purpose).executeTakeFirst();
  if (!row) return fail('ExpiredCodeException', messages.codeExpired);
  if (row.expires_at <= context.clock.now()) return fail('ExpiredCodeException', messages.codeExpired);
  if (row.attempts >= maxCodeAttempts) return fail('LimitExceededException', messages.attemptLimit);
  if (!constantTimeEqual(row.code_hash, codeHash(user.sub, purpose, code))) {
    await context.db
      .updateTable('codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('pool_id', '=', where.pool_id)
      .where('sub', '=', where.sub)
      .where('purpose', '=', purpose)
      .execute();
    return fail('CodeMismatchException', messages.codeMismatch);
  }
  const deleted = await context.db
    .deleteFrom('codes')
    .where('pool_id', '=', where.pool_id)
    .where('sub', '=', where.sub)
    .where('purpose', '=', purpose)
    .where('code_hash', '=', row.code_hash)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) return fail('ExpiredCodeException', messages.codeExpired);
  return row.payload;
}

export async function deleteCodes(context: Context, user: Pick<User, 'poolId' | 'sub'>): Promise<void> {
  await context.db.deleteFrom('codes').where('pool_id', '=', user.poolId).where('sub', '=', user.sub).execute();
}

// Binding the user and purpose into the hash means a stolen row cannot be replayed for another one.
const codeHash = (sub: string, purpose: string, code: string) => sha256Hex(`${sub}:${purpose}:${code}`);
