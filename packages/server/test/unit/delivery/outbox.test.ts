import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutboxDelivery, listOutbox, renderOutboxPage } from '../../../src/delivery/outbox.js';
import { openStore, type Store } from '../../../src/store/open.js';
import { dialects, storeOptionsFor } from '../../support/databases.js';

describe.each(dialects)('outbox on %s', (dialect) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    vi.restoreAllMocks();
  });

  it('keeps messages and lists them newest first', async () => {
    store = await openStore(await storeOptionsFor(dialect));
    let now = Date.UTC(2025, 0, 2, 3, 4, 5);
    const clock = { now: () => now };
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const outbox = createOutboxDelivery(store.db, clock);

    await outbox.send({ poolId: 'p1', channel: 'EMAIL', to: 'a@b.c', subject: 'Your verification code', body: 'Code 123456.', code: '123456' });
    now += 1000;
    await outbox.send({ poolId: null, channel: 'SMS', to: '+15555550100', body: 'Code 654321.', code: '654321' });

    expect(log.mock.calls).toEqual([
      ['[outbox] EMAIL to a@b.c: Your verification code code 123456'],
      ['[outbox] SMS to +15555550100: code 654321'],
    ]);
    const entries = await listOutbox(store.db);
    expect(entries).toEqual([
      { id: expect.any(Number), poolId: null, channel: 'SMS', to: '+15555550100', subject: null, body: 'Code 654321.', code: '654321', createdAt: '2025-01-02T03:04:06.000Z' },
      { id: expect.any(Number), poolId: 'p1', channel: 'EMAIL', to: 'a@b.c', subject: 'Your verification code', body: 'Code 123456.', code: '123456', createdAt: '2025-01-02T03:04:05.000Z' },
    ]);
    expect(await listOutbox(store.db, 1)).toHaveLength(1);
  });
});

describe('outbox page', () => {
  const entry = {
    id: 1,
    poolId: 'us-east-1_abc',
    channel: 'EMAIL' as const,
    to: '"<b>"@example.com',
    subject: '<script>alert(1)</script>',
    body: 'Your code is 123456 & more',
    code: '123456',
    createdAt: '2025-01-02T03:04:05.000Z',
  };

  it('shows every entry and escapes what users control', () => {
    const html = renderOutboxPage([entry]);
    expect(html).toContain('123456');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&lt;b&gt;&quot;@example.com');
    expect(html).toContain('Your code is 123456 &amp; more');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });

  it('says so when there is nothing', () => {
    expect(renderOutboxPage([])).toContain('No messages yet.');
  });
});
