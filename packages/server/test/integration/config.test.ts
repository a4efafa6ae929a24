import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import { startServer } from '../../src/server.js';
import { createTestDataDir, dialects, storeOptionsFor } from '../support/databases.js';

const cognateJs = fileURLToPath(new URL('../../dist/cognate.js', import.meta.url));

async function startWith(store: { dataDir: string; databaseUrl?: string }, config?: ConfigFile) {
  let configPath: string | undefined;
  if (config) {
    configPath = join(store.dataDir, 'cognate.config.json');
    await writeFile(configPath, JSON.stringify(config));
  }
  return startServer({ host: '127.0.0.1', port: 0, ...store, configPath, smtpFrom: 'x@example.com', region: 'eu-west-1' });
}

describe.each(dialects)('applying the config at start (%s)', (dialect) => {
  it('creates a default pool and client whose ids survive a restart', async () => {
    const store = await storeOptionsFor(dialect);
    const first = await startWith(store);
    const ids = { pool: first.pools[0]!.pool.Id, client: first.pools[0]!.clients[0]!.ClientId };
    expect(ids.pool).toMatch(/^eu-west-1_[0-9A-Za-z]{9}$/);
    expect(first.pools[0]!.pool).toMatchObject({ UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    expect(first.pools[0]!.clients[0]).toMatchObject({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    expect(first.pools[0]!.clients[0]!.ClientSecret).toBeUndefined();
    const outputs = JSON.parse(await readFile(join(store.dataDir, 'amplify_outputs.json'), 'utf8'));
    expect(outputs).toMatchObject({
      version: '1.4',
      auth: { aws_region: 'eu-west-1', user_pool_id: ids.pool, user_pool_client_id: ids.client, username_attributes: ['email'] },
      custom: { cognate: { user_pool_endpoint: `${first.url}/`, identity_pool_endpoint: `${first.url}/identity` } },
    });
    await first.close();
    const second = await startWith(store);
    expect({ pool: second.pools[0]!.pool.Id, client: second.pools[0]!.clients[0]!.ClientId }).toEqual(ids);
    await second.close();
  });

  it('is idempotent, updates a changed member in place and keeps a generated secret', async () => {
    const store = await storeOptionsFor(dialect);
    const config = (minimumLength: number): ConfigFile => ({
      UserPools: [{ PoolName: 'shop', Policies: { PasswordPolicy: { MinimumLength: minimumLength } }, Clients: [{ ClientName: 'backend', GenerateSecret: true }] }],
    });
    const first = await startWith(store, config(8));
    const secret = first.pools[0]!.clients[0]!.ClientSecret;
    expect(secret).toMatch(/^[a-z0-9]{51}$/);
    await first.close();
    const second = await startWith(store, config(14));
    expect(second.pools[0]!.pool.Id).toBe(first.pools[0]!.pool.Id);
    expect(second.pools[0]!.clients[0]!.ClientSecret).toBe(secret);
    expect((await second.context.pools.getPool(second.pools[0]!.pool.Id))!.Policies.PasswordPolicy.MinimumLength).toBe(14);
    expect(await second.context.pools.listPools()).toHaveLength(1);
    await second.close();
  });

  it('refuses token lifetimes Cognito refuses, naming the key', async () => {
    const store = await storeOptionsFor(dialect);
    await expect(startWith(store, { UserPools: [{ PoolName: 'p', Clients: [{ ClientName: 'c', AccessTokenValidity: 48 }] }] })).rejects.toThrow(
      'UserPools[0].Clients[0].AccessTokenValidity: must be between 5 minutes and 1 day',
    );
  });
});

describe('the cognate command', () => {
  it('stops with a message naming the bad key and a non-zero exit', async () => {
    const dataDir = await createTestDataDir();
    const configPath = join(dataDir, 'bad.json');
    await writeFile(configPath, JSON.stringify({ UserPools: [{ PoolName: 'p', MfaConfiguration: 'SOMETIMES' }] }));
    const child = spawn(process.execPath, [cognateJs, 'serve'], { env: { ...process.env, PORT: '0', COGNATE_DATA_DIR: dataDir, COGNATE_CONFIG: configPath } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`cognate: invalid config ${configPath}: UserPools[0].MfaConfiguration: Invalid option`);
  });
});
