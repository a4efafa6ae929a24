import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDelivery } from '../../../src/delivery/index.js';
import { listOutbox } from '../../../src/delivery/outbox.js';
import { openStore, type Store } from '../../../src/store/open.js';
import { storeOptionsFor } from '../../support/databases.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const clock = { now: () => 1_700_000_000_000 };
const email = { poolId: 'p', channel: 'EMAIL', to: 'a@b.c', subject: 'S', body: 'B 1', code: '1' } as const;
const sms = { poolId: 'p', channel: 'SMS', to: '+15555550100', body: 'B 2', code: '2' } as const;

describe('createDelivery', () => {
  let store: Store;
  let smtp: SmtpReceiver;
  let webhook: WebhookReceiver;
  beforeAll(async () => {
    store = await openStore(await storeOptionsFor('sqlite'));
    [smtp, webhook] = await Promise.all([startSmtpReceiver(), startWebhookReceiver()]);
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all([store.close(), smtp.close(), webhook.close()]);
  });

  it('keeps both channels in the outbox when nothing is configured', async () => {
    const delivery = createDelivery({ smtpFrom: 'no-reply@example.com', db: store.db, clock });
    await delivery.send(email);
    await delivery.send(sms);
    expect((await listOutbox(store.db)).map((entry) => entry.channel)).toEqual(['SMS', 'EMAIL']);
  });

  it('sends email by SMTP and SMS to the webhook when configured', async () => {
    const before = (await listOutbox(store.db)).length;
    const delivery = createDelivery({
      smtpUrl: smtp.url,
      smtpFrom: 'no-reply@example.com',
      smsWebhookUrl: webhook.url,
      db: store.db,
      clock,
    });
    await delivery.send(email);
    await delivery.send(sms);
    await expect(smtp.waitFor((mail) => mail.text === 'B 1')).resolves.toMatchObject({ to: ['a@b.c'] });
    await expect(webhook.waitFor((message) => message.message === 'B 2')).resolves.toMatchObject({ to: sms.to });
    expect(await listOutbox(store.db)).toHaveLength(before);
  });
});
