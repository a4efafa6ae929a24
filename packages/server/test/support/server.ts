import type { Clock } from '../../src/clock.js';
import type { ConfigFile } from '../../src/config/schema.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server.js';
import { storeOptionsFor, type TestDialect } from './databases.js';

export interface TestServerOptions {
  /** The config file's content; the default config when absent. */
  config?: ConfigFile;
  clock?: Clock;
  smtpUrl?: string;
  smsWebhookUrl?: string;
}

/** A real server on loopback with a fresh store of the given dialect. */
export async function startTestServer(dialect: TestDialect, options: TestServerOptions = {}): Promise<RunningServer> {
  const store = await storeOptionsFor(dialect);
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
      smtpUrl: options.smtpUrl,
      smtpFrom: 'Cognate Tests <tests@cognate.localhost>',
      smsWebhookUrl: options.smsWebhookUrl,
      region: 'us-east-1',
    },
    options.clock ? { clock: options.clock } : {},
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
