import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhookDelivery } from '../../../src/delivery/webhook.js';
import { CognitoError } from '../../../src/errors.js';
import { findFreePort } from '../../support/free-port.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const sms = { poolId: 'pool', channel: 'SMS', to: '+15555550100', body: 'Your code is 123456.', code: '123456' } as const;

describe('webhook delivery', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('posts the recipient and the text as JSON', async () => {
    await createWebhookDelivery({ url: receiver.url }).send(sms);
    const received = await receiver.waitFor((message) => message.to === sms.to);
    expect(received).toEqual({ to: '+15555550100', message: 'Your code is 123456.' });
  });

  it('fails with CodeDeliveryFailureException when the webhook answers 500', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    receiver.setFailing(true);
    try {
      const error = await createWebhookDelivery({ url: receiver.url }).send(sms).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CognitoError);
      expect((error as CognitoError).type).toBe('CodeDeliveryFailureException');
      expect((error as CognitoError).message).not.toContain('500');
      expect(log).toHaveBeenCalledWith(expect.stringContaining('SMS webhook'), 'HTTP status 500');
    } finally {
      receiver.setFailing(false);
      log.mockRestore();
    }
  });

  it('fails with CodeDeliveryFailureException when nothing listens', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = `http://127.0.0.1:${await findFreePort()}/sms`;
    await expect(createWebhookDelivery({ url }).send(sms)).rejects.toMatchObject({
      type: 'CodeDeliveryFailureException',
    });
    log.mockRestore();
  });
});
