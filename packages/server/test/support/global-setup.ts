import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgres, type RunningPostgres } from './postgres.js';
import './provided-context.js';

let postgres: RunningPostgres | undefined;
let scratchDir: string | undefined;

/** Once per run: one PostgreSQL cluster shared by every test file, each using its own databases. */
export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  postgres = await startPostgres();
  if (process.env.COGNATE_TEST_VERBOSE) console.log(`[test] embedded PostgreSQL up in ${Date.now() - started} ms`);
  scratchDir = await mkdtemp(join(tmpdir(), 'cognate-test-'));
  project.provide('postgresUrl', postgres.url);
  project.provide('scratchDir', scratchDir);
}

export async function teardown(): Promise<void> {
  await postgres?.stop();
  if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
}
