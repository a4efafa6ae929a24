import { deliveryFailure, deliveryTimeoutMs } from './failure.js';
import type { Delivery } from './types.js';

export interface WebhookDeliveryOptions {
  url: string;
}

/** POSTs `{ "to": "+1…", "message": "…" }`; any 2xx answer counts as delivered. */
export function createWebhookDelivery({ url }: WebhookDeliveryOptions): Delivery {
  return {
    async send(message) {
      let status: number;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to: message.to, message: message.body }),
          signal: AbortSignal.timeout(deliveryTimeoutMs),
        });
        // Reading the answer to its end lets the connection be reused.
        await response.arrayBuffer();
        status = response.status;
      } catch (error) {
        throw deliveryFailure('SMS webhook', error);
      }
      if (status < 200 || status > 299) throw deliveryFailure('SMS webhook', `HTTP status ${status}`);
    },
  };
}
