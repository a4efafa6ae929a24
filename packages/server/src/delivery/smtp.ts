import type { Transporter } from 'nodemailer';
import { deliveryFailure, deliveryTimeoutMs } from './failure.js';
import type { Delivery } from './types.js';

export interface SmtpDeliveryOptions {
  /** `smtp://host:port` or `smtps://user:pass@host:port`; query parameters are nodemailer options. */
  url: string;
  /** The From header, e.g. `Cognate <no-reply@example.com>`. */
  from: string;
}

/** nodemailer is loaded with the first message: a server without SMTP never loads it. */
export function createSmtpDelivery({ url, from }: SmtpDeliveryOptions): Delivery {
  let transport: Promise<Transporter> | undefined;
  const transportOnce = () =>
    (transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({ url, connectionTimeout: deliveryTimeoutMs, greetingTimeout: deliveryTimeoutMs, socketTimeout: deliveryTimeoutMs }),
    ));
  return {
    async send(message) {
      try {
        await (await transportOnce()).sendMail({ from, to: message.to, subject: message.subject ?? '', text: message.body });
      } catch (error) {
        throw deliveryFailure('email via SMTP', error);
      }
    },
  };
}
