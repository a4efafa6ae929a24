import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/schema.js';
import { createOutboxDelivery } from './outbox.js';
import { createSmtpDelivery } from './smtp.js';
import type { Delivery } from './types.js';
import { createWebhookDelivery } from './webhook.js';

export type { Channel, Delivery, Message } from './types.js';

export interface DeliveryOptions {
  smtpUrl?: string | undefined;
  smtpFrom: string;
  smsWebhookUrl?: string | undefined;
  db: Kysely<Database>;
  clock: Clock;
}

/** Each channel goes to its configured service, or to the outbox when none is configured. */
export function createDelivery(options: DeliveryOptions): Delivery {
  const outbox = createOutboxDelivery(options.db, options.clock);
  const email = options.smtpUrl ? createSmtpDelivery({ url: options.smtpUrl, from: options.smtpFrom }) : outbox;
  const sms = options.smsWebhookUrl ? createWebhookDelivery({ url: options.smsWebhookUrl }) : outbox;
  return {
    send: (message) => (message.channel === 'EMAIL' ? email : sms).send(message),
  };
}
