import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemRandom } from '../../../src/clock.js';
import { parseConfig } from '../../../src/config/load.js';
import { settingsFromEnv } from '../../../src/config/settings.js';
import { devAdminKeyFileName, loadOrCreateDevAdminKey, resolveAdminCredentials } from '../../../src/http/admin-credentials.js';
import { createTestDataDir } from '../../support/databases.js';

const fromConfig = [
  { AccessKeyId: 'AKIDONE', SecretAccessKey: 'one' },
  { AccessKeyId: 'AKIDTWO', SecretAccessKey: 'two' },
];

describe('admin credentials', () => {
  it('takes the config file keys and the environment key, the environment winning for the same id', async () => {
    const dataDir = await createTestDataDir();
    const resolved = await resolveAdminCredentials({ fromConfig, fromEnvironment: { AccessKeyId: 'AKIDTWO', SecretAccessKey: 'env' }, dataDir, random: systemRandom });
    expect(resolved).toEqual({
      credentials: [
        { AccessKeyId: 'AKIDONE', SecretAccessKey: 'one' },
        { AccessKeyId: 'AKIDTWO', SecretAccessKey: 'env' },
      ],
    });
    await expect(stat(join(dataDir, devAdminKeyFileName))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('without configured keys, generates a development key into the data directory, owner-only, and reuses it', async () => {
    const dataDir = await createTestDataDir();
    const first = await resolveAdminCredentials({ fromConfig: [], fromEnvironment: undefined, dataDir, random: systemRandom });
    const file = join(dataDir, devAdminKeyFileName);
    expect(first.devKey?.file).toBe(file);
    expect(first.credentials).toEqual([first.devKey!.credential]);
    expect(first.devKey!.credential.AccessKeyId).toMatch(/^AKID[0-9A-F]{16}$/);
    expect(first.devKey!.credential.SecretAccessKey).toHaveLength(40);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first.devKey!.credential);
    const second = await resolveAdminCredentials({ fromConfig: [], fromEnvironment: undefined, dataDir, random: systemRandom });
    expect(second.devKey).toEqual(first.devKey);
  });

  it('gives every one of several concurrent starts the same development key', async () => {
    const file = join(await createTestDataDir(), 'nested', devAdminKeyFileName);
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevAdminKey(file, systemRandom)));
    expect(new Set(keys.map((key) => JSON.stringify(key.credential))).size).toBe(1);
  });

  it('refuses a key file that does not hold a key', async () => {
    const file = join(await createTestDataDir(), devAdminKeyFileName);
    await writeFile(file, JSON.stringify({ AccessKeyId: 'not an id', SecretAccessKey: 'x' }));
    await expect(loadOrCreateDevAdminKey(file, systemRandom)).rejects.toThrow(`admin key file ${file} does not hold {"AccessKeyId", "SecretAccessKey"}`);
  });

  it('reads the environment key from COGNATE_ADMIN_ACCESS_KEY_ID and COGNATE_ADMIN_SECRET_ACCESS_KEY, set together', () => {
    expect(settingsFromEnv({}).adminCredential).toBeUndefined();
    expect(settingsFromEnv({ COGNATE_ADMIN_ACCESS_KEY_ID: 'AKIDENV', COGNATE_ADMIN_SECRET_ACCESS_KEY: 's3cret/+' }).adminCredential).toEqual({
      AccessKeyId: 'AKIDENV',
      SecretAccessKey: 's3cret/+',
    });
    expect(() => settingsFromEnv({ COGNATE_ADMIN_ACCESS_KEY_ID: 'AKIDENV' })).toThrow('COGNATE_ADMIN_ACCESS_KEY_ID and COGNATE_ADMIN_SECRET_ACCESS_KEY must be set together');
    expect(() => settingsFromEnv({ COGNATE_ADMIN_ACCESS_KEY_ID: 'AKID/ENV', COGNATE_ADMIN_SECRET_ACCESS_KEY: 'x' })).toThrow(/COGNATE_ADMIN_ACCESS_KEY_ID must be/);
  });

  it('validates AdminCredentials in the config file, naming the key', () => {
    expect(parseConfig({ AdminCredentials: fromConfig }, 'cfg').AdminCredentials).toEqual(fromConfig);
    expect(() => parseConfig({ AdminCredentials: [{ AccessKeyId: 'AKID/X', SecretAccessKey: 'x' }] }, 'cfg')).toThrow(
      'cfg: AdminCredentials[0].AccessKeyId: must be letters, digits and underscores',
    );
    expect(() => parseConfig({ AdminCredentials: [...fromConfig, { AccessKeyId: 'AKIDONE', SecretAccessKey: 'again' }] }, 'cfg')).toThrow('cfg: AdminCredentials[2].AccessKeyId: is listed twice');
    expect(() => parseConfig({ AdminCredentials: [{ AccessKeyId: 'AKIDX' }] }, 'cfg')).toThrow(/AdminCredentials\[0\]\.SecretAccessKey/);
  });
});
