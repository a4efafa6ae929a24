import { createTransport } from 'nodemailer';
import { deliveryFailure, deliveryTimeoutMs } from './failure.js';
import type { Delivery } from './types.js';

export interface SmtpDeliveryOptions {
  /** `smtp://host:port` or `smtps://user:pass@host:port`; query parameters are nodemailer options. */
  url: string;
  /** The From header, e.g. `Cognate <no-reply@example.com>`. */
  from: string;
}

export function createSmtpDelivery({ url, from }: SmtpDeliveryOptions): Delivery {
  const transport = createTransport({
    url,
    connectionTimeout: deliveryTimeoutMs,
    greetingTimeout: deliveryTimeoutMs,
    socketTimeout: deliveryTimeoutMs,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({ from, to: message.to, subject: message.subject ?? '', text: message.body });
      } catch (error) {
        throw deliveryFailure('email via SMTP', error);
      }
    },
  };
}
