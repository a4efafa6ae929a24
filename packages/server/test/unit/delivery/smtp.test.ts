import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSmtpDelivery } from '../../../src/delivery/smtp.js';
import { findFreePort } from '../../support/free-port.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';

describe('SMTP delivery', () => {
  let receiver: SmtpReceiver;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
  });
  afterAll(() => receiver.close());

  it('sends a text mail with the subject and body', async () => {
    const delivery = createSmtpDelivery({ url: receiver.url, from: 'Cognate <no-reply@example.com>' });
    await delivery.send({
      poolId: 'pool',
      channel: 'EMAIL',
      to: 'jane@example.com',
      subject: 'Your verification code',
      body: 'Your verification code is 123456.',
      code: '123456',
    });
    const mail = await receiver.waitFor((m) => m.to.includes('jane@example.com'));
    expect(mail).toEqual({
      to: ['jane@example.com'],
      subject: 'Your verification code',
      text: 'Your verification code is 123456.',
    });
  });

  it('keeps long lines and non-ASCII text intact through the transfer encoding', async () => {
    const delivery = createSmtpDelivery({ url: receiver.url, from: 'no-reply@example.com' });
    const body = `Grüße, Jörg! Votre code est 654321. ${'Lorem ipsum dolor sit amet. '.repeat(8)}\nZweite Zeile = gleich.`;
    await delivery.send({ poolId: null, channel: 'EMAIL', to: 'jorg@example.com', subject: 'Ihr Bestätigungscode', body });
    const mail = await receiver.waitFor((m) => m.to.includes('jorg@example.com'));
    expect(mail.subject).toBe('Ihr Bestätigungscode');
    expect(mail.text).toBe(body);
  });

  it('decodes a base64 body, which nodemailer picks for mostly non-ASCII text', async () => {
    const delivery = createSmtpDelivery({ url: receiver.url, from: 'no-reply@example.com' });
    const body = '您的验证码是 246810。请勿与他人分享此验证码。';
    await delivery.send({ poolId: null, channel: 'EMAIL', to: 'li@example.com', subject: '验证码', body });
    const mail = await receiver.waitFor((m) => m.to.includes('li@example.com'));
    expect(mail).toMatchObject({ subject: '验证码', text: body });
  });

  it('fails with CodeDeliveryFailureException when no SMTP server listens', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = `smtp://user:secret@127.0.0.1:${await findFreePort()}`;
    const error = await createSmtpDelivery({ url, from: 'no-reply@example.com' })
      .send({ poolId: null, channel: 'EMAIL', to: 'jane@example.com', subject: 's', body: 'b' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'CodeDeliveryFailureException' });
    expect(String((error as Error).message)).not.toMatch(/127\.0\.0\.1|secret|ECONNREFUSED/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
