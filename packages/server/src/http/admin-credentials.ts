import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from '../clock.js';
import { adminCredentialSchema, type AdminCredential } from '../config/schema.js';

/** The key generated for a set-up that configures none, and where it is kept. */
export interface DevAdminKey {
  credential: AdminCredential;
  file: string;
}

export interface AdminCredentials {
  credentials: AdminCredential[];
  /** Set when no key is configured and the generated development key is the only one. */
  devKey?: DevAdminKey | undefined;
}

export const devAdminKeyFileName = 'admin-key.json';

/**
 * The config file's keys plus the environment's (which wins for the same access key id); when there
 * are none, a development key generated once into the data directory, so that zero-config set-ups
 * can still call the admin operations.
 */
export async function resolveAdminCredentials(input: {
  fromConfig: readonly AdminCredential[];
  fromEnvironment: AdminCredential | undefined;
  dataDir: string;
  random: Random;
}): Promise<AdminCredentials> {
  const configured = new Map(input.fromConfig.map((credential) => [credential.AccessKeyId, credential]));
  if (input.fromEnvironment) configured.set(input.fromEnvironment.AccessKeyId, input.fromEnvironment);
  if (configured.size > 0) return { credentials: [...configured.values()] };
  const devKey = await loadOrCreateDevAdminKey(join(input.dataDir, devAdminKeyFileName), input.random);
  return { credentials: [devKey.credential], devKey };
}

export async function loadOrCreateDevAdminKey(file: string, random: Random): Promise<DevAdminKey> {
  const existing = await readKeyFile(file);
  if (existing) return { credential: existing, file };
  const credential: AdminCredential = {
    AccessKeyId: `AKID${random.bytes(8).toString('hex').toUpperCase()}`,
    SecretAccessKey: random.bytes(30).toString('base64'),
  };
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: of two processes starting at once, one creates the file and both use its key.
    await writeFile(file, `${JSON.stringify(credential, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { credential, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // The other process's write may still be in flight.
  for (let attempt = 0; attempt < 50; attempt++) {
    const theirs = await readKeyFile(file);
    if (theirs) return { credential: theirs, file };
    await sleep(20);
  }
  throw new Error(`admin key file ${file} does not hold {"AccessKeyId", "SecretAccessKey"}`);
}

/** The key in the file; undefined when the file is missing or not yet completely written. */
async function readKeyFile(file: string): Promise<AdminCredential | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = adminCredentialSchema.safeParse(json);
  if (!parsed.success) throw new Error(`admin key file ${file} does not hold {"AccessKeyId", "SecretAccessKey"}`);
  return parsed.data;
}
