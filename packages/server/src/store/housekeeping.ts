import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from './schema.js';

/** How long development-outbox messages are kept. */
const outboxRetentionMs = 7 * 86_400_000;

/**
 * Deletes what can no longer be used: expired sign-in sessions, codes, refresh tokens and vended credentials, and old
 * outbox messages. Every process runs it now and then; running it twice at once is harmless.
 */
export async function removeExpired(db: Kysely<Database>, clock: Clock): Promise<void> {
  const now = clock.now();
  await db.deleteFrom('auth_sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('codes').where('expires_at', '<=', now).execute();
  await db.deleteFrom('refresh_tokens').where('expires_at', '<=', now).execute();
  await db.deleteFrom('vended_credentials').where('expires_at', '<=', now).execute();
  await db.deleteFrom('outbox').where('created_at', '<=', now - outboxRetentionMs).execute();
}
