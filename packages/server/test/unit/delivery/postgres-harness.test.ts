import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open.js';
import { createTestDatabase, createTestDataDir } from '../../support/databases.js';

describe('embedded PostgreSQL harness', () => {
  it('gives each caller its own migrated database', async () => {
    const [urlA, urlB] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(urlA).not.toBe(urlB);
    const [a, b] = await Promise.all([
      openStore({ databaseUrl: urlA, dataDir: await createTestDataDir() }),
      openStore({ databaseUrl: urlB, dataDir: await createTestDataDir() }),
    ]);
    try {
      expect([a.dialect, b.dialect]).toEqual(['postgres', 'postgres']);
      const current = await sql<{ name: string }>`select current_database() as name`.execute(a.db);
      expect(urlA.endsWith(`/${current.rows[0]!.name}`)).toBe(true);

      await a.db
        .insertInto('outbox')
        .values({ pool_id: null, channel: 'SMS', recipient: '+15555550100', subject: null, body: 'only in A', code: null, created_at: 1 })
        .execute();
      expect(await a.db.selectFrom('outbox').select('body').execute()).toEqual([{ body: 'only in A' }]);
      expect(await b.db.selectFrom('outbox').select('body').execute()).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
