import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/schema.js';
import type { Channel, Delivery } from './types.js';

export interface OutboxEntry {
  id: number;
  poolId: string | null;
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  code: string | null;
  /** ISO 8601. */
  createdAt: string;
}

/** Development delivery: messages stay in the database and the log, readable at /_dev/outbox. */
export function createOutboxDelivery(db: Kysely<Database>, clock: Clock): Delivery {
  return {
    async send(message) {
      await db
        .insertInto('outbox')
        .values({
          pool_id: message.poolId,
          channel: message.channel,
          recipient: message.to,
          subject: message.subject ?? null,
          body: message.body,
          code: message.code ?? null,
          created_at: clock.now(),
        })
        .execute();
      const summary = [message.subject, message.code && `code ${message.code}`].filter(Boolean).join(' ');
      console.log(`[outbox] ${message.channel} to ${message.to}: ${summary || message.body}`);
    },
  };
}

/** Newest first. */
export async function listOutbox(db: Kysely<Database>, limit = 100): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    poolId: row.pool_id,
    channel: row.channel as Channel,
    to: row.recipient,
    subject: row.subject,
    body: row.body,
    code: row.code,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  }));
}

export { renderOutboxPage } from './outbox-page.js';
