import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createInbox } from './inbox.js';
import { decodeEncodedWords, parseMail } from './mail-parser.js';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), bare addresses. */
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpReceiver {
  /** The URL to configure as the SMTP server, e.g. `smtp://127.0.0.1:40123`. */
  url: string;
  messages: ReceivedMail[];
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A mail server that accepts everything and keeps it in memory, on 127.0.0.1 and a free port. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const inbox = createInbox<ReceivedMail>('mail');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const { headers, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
        inbox.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: decodeEncodedWords(headers.get('subject') ?? ''),
          text,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client dropping its connection is reported as an error; it must not crash the test run.
  server.on('error', (error) => console.error('[smtp-receiver]', error.message));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: inbox.messages,
    waitFor: inbox.waitFor,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
