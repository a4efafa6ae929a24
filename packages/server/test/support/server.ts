import type { Clock } from '../../src/clock.js';
import type { AdminCredential, ConfigFile } from '../../src/config/schema.js';
import type { LoginProviderSettings } from '../../src/config/settings.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Operation } from '../../src/protocol/operation.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { storeOptionsFor, type TestDialect } from './databases.js';

export interface TestServerOptions {
  /** The config file's content; the default config when absent. */
  config?: ConfigFile;
  clock?: Clock;
  smtpUrl?: string;
  smsWebhookUrl?: string;
  /** The admin key, as COGNATE_ADMIN_ACCESS_KEY_ID / …SECRET… would give it; null for none (the generated development key). */
  adminKey?: AdminCredential | null;
  /** Instead of a fresh data directory (the database is fresh all the same, unless databaseUrl is given). */
  dataDir?: string;
  /** A PostgreSQL database to use instead of a fresh one (postgres only). */
  databaseUrl?: string;
  /** COGNATE_MASTER_KEY; without it the key is generated into the data directory. */
  masterKey?: string;
  /** Operations served next to the user-pool ones. */
  extraOperations?: Record<string, Operation>;
  /** Stand-ins for the public login providers (COGNATE_FACEBOOK_GRAPH_URL, …); the real ones when absent. */
  loginProviders?: LoginProviderSettings;
  /** COGNATE_HOOK_TIMEOUT_MS. */
  hookTimeoutMs?: number;
}

/** The key test/support/sdk.ts's sdkClient signs with. */
export const testAdminKey: AdminCredential = { AccessKeyId: 'AKIDTEST', SecretAccessKey: 'test-secret' };

/** A real server on loopback with a fresh store of the given dialect. */
export async function startTestServer(dialect: TestDialect, options: TestServerOptions = {}): Promise<RunningServer> {
  const store = await storeOptionsFor(dialect);
  if (options.dataDir) store.dataDir = options.dataDir;
  if (dialect === 'postgres' && options.databaseUrl) store.databaseUrl = options.databaseUrl;
  let configPath: string | undefined;
  if (options.config) {
    configPath = join(store.dataDir, 'cognate.config.json');
    await writeFile(configPath, JSON.stringify(options.config));
  }
  return startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: store.dataDir,
      databaseUrl: store.databaseUrl,
      configPath,
      masterKey: options.masterKey,
      smtpUrl: options.smtpUrl,
      smtpFrom: 'Cognate Tests <tests@cognate.localhost>',
      smsWebhookUrl: options.smsWebhookUrl,
      region: 'us-east-1',
      adminCredential: options.adminKey === null ? undefined : (options.adminKey ?? testAdminKey),
      loginProviders: options.loginProviders,
      hookTimeoutMs: options.hookTimeoutMs,
    },
    {
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.extraOperations ? { extraOperations: options.extraOperations } : {}),
    },
  );
}

/** A clock the test moves by hand: expiry and lockout without sleeping. */
export class ManualClock implements Clock {
  constructor(private ms = Date.now()) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
