import { describe, expect, it } from 'vitest';
import { createInbox } from '../../support/inbox.js';

describe('test inbox', () => {
  it('resolves with a message that already arrived', async () => {
    const inbox = createInbox<number>('number');
    inbox.push(1);
    await expect(inbox.waitFor((n) => n === 1)).resolves.toBe(1);
  });

  it('resolves as soon as a matching message arrives, ignoring others', async () => {
    const inbox = createInbox<number>('number');
    const waiting = inbox.waitFor((n) => n > 10);
    inbox.push(3);
    inbox.push(11);
    await expect(waiting).resolves.toBe(11);
  });

  it('rejects after the timeout, saying what arrived', async () => {
    const inbox = createInbox<number>('number');
    inbox.push(3);
    await expect(inbox.waitFor((n) => n > 10, 20)).rejects.toThrow(/No matching number within 20 ms; received: \[\s*3\s*\]/);
  });
});
