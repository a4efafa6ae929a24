import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import './provided-context.js';

export type TestDialect = 'sqlite' | 'postgres';

/** Store-level tests run once per dialect: `describe.each(dialects)(…)`. */
export const dialects: TestDialect[] = ['sqlite', 'postgres'];

/** A new, empty database on the run's PostgreSQL; the whole cluster is deleted after the run. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject('postgresUrl');
  const name = `cognate_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A data directory that is removed after the run. */
export function createTestDataDir(): Promise<string> {
  return mkdtemp(join(inject('scratchDir'), 'data-'));
}

/** Options for openStore(): a fresh SQLite directory, or a fresh PostgreSQL database. */
export async function storeOptionsFor(dialect: TestDialect): Promise<{ databaseUrl?: string; dataDir: string }> {
  const dataDir = await createTestDataDir();
  if (dialect === 'sqlite') return { dataDir };
  return { databaseUrl: await createTestDatabase(), dataDir };
}
