import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInbox } from './inbox.js';

export interface ReceivedSms {
  to: string;
  message: string;
}

export interface WebhookReceiver {
  /** The URL to configure as the SMS webhook. */
  url: string;
  messages: ReceivedSms[];
  waitFor(predicate: (sms: ReceivedSms) => boolean, timeoutMs?: number): Promise<ReceivedSms>;
  /** While on, every POST is answered 500 and not recorded. */
  setFailing(failing: boolean): void;
  close(): Promise<void>;
}

/** Stands in for an SMS provider's webhook, on 127.0.0.1 and a port the OS picks. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const inbox = createInbox<ReceivedSms>('SMS webhook call');
  let failing = false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failing) {
        response.writeHead(500).end('failing on purpose');
        return;
      }
      if (!request.headers['content-type']?.startsWith('application/json')) {
        response.writeHead(415).end('expected content-type: application/json');
        return;
      }
      try {
        const { to, message } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms;
        inbox.push({ to, message });
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end('expected a JSON body');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages: inbox.messages,
    waitFor: inbox.waitFor,
    setFailing: (value) => {
      failing = value;
    },
    close: () =>
      new Promise((resolve, reject) => {
        // fetch keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
