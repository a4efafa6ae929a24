import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeExpired } from '../../../src/store/housekeeping.js';
import { openStore, type Store } from '../../../src/store/open.js';
import { dialects, storeOptionsFor } from '../../support/databases.js';
import { ManualClock } from '../../support/server.js';

describe.each(dialects)('removing what expired (%s)', (dialect) => {
  let store: Store;
  const clock = new ManualClock(1_800_000_000_000);

  beforeAll(async () => {
    store = await openStore(await storeOptionsFor(dialect));
  });
  afterAll(() => store.close());

  it('deletes expired sessions, codes and refresh tokens and old outbox messages, and keeps the rest', async () => {
    const now = clock.now();
    const session = (id: string, expires_at: number) => ({ id_hash: id, pool_id: 'p', client_id: 'c', state: '{}', expires_at });
    await store.db.insertInto('auth_sessions').values([session('old', now - 1), session('live', now + 60_000)]).execute();
    const code = (sub: string, expires_at: number) => ({ pool_id: 'p', sub, purpose: 'sign-up', code_hash: 'h', payload: null, attempts: 0, expires_at, created_at: now });
    await store.db.insertInto('codes').values([code('a', now), code('b', now + 1)]).execute();
    await store.db.insertInto('grants').values({ origin_jti: 'g', pool_id: 'p', client_id: 'c', sub: 's', auth_time: now, device_key: null, revoked_at: null, created_at: now }).execute();
    const token = (token_hash: string, expires_at: number) => ({ token_hash, origin_jti: 'g', expires_at, replaced_at: null, created_at: now });
    await store.db.insertInto('refresh_tokens').values([token('t-old', now - 5), token('t-live', now + 5)]).execute();
    const message = (created_at: number) => ({ pool_id: 'p', channel: 'EMAIL', recipient: 'a@b.c', subject: null, body: 'x', code: null, created_at });
    await store.db.insertInto('outbox').values([message(now - 8 * 86_400_000), message(now - 86_400_000)]).execute();

    await removeExpired(store.db, clock);

    expect((await store.db.selectFrom('auth_sessions').select('id_hash').execute()).map((r) => r.id_hash)).toEqual(['live']);
    expect((await store.db.selectFrom('codes').select('sub').execute()).map((r) => r.sub)).toEqual(['b']);
    expect((await store.db.selectFrom('refresh_tokens').select('token_hash').execute()).map((r) => r.token_hash)).toEqual(['t-live']);
    expect((await store.db.selectFrom('outbox').select('created_at').execute()).map((r) => r.created_at)).toEqual([now - 86_400_000]);
  });
});
