import type { Clock, Random } from './clock.js';
import { createContext } from './context.js';
import { applyConfig, type AppliedPool } from './config/apply.js';
import { amplifyOutputs, writeAmplifyOutputs } from './config/amplify-outputs.js';
import { defaultConfig, loadConfigFile } from './config/load.js';
import type { ServerSettings } from './config/settings.js';
import { resolveAdminCredentials, type DevAdminKey } from './http/admin-credentials.js';
import { createApp, type HttpApp } from './http/app.js';
import type { Operation } from './protocol/operation.js';
import { openStore, type Store } from './store/open.js';
import { removeExpired } from './store/housekeeping.js';
import type { Context } from './userpool/context.js';

export interface RunningServer {
  /** Where the server listens, e.g. http://127.0.0.1:9245. */
  url: string;
  publicUrl: string;
  pools: AppliedPool[];
  context: Context;
  store: Store;
  app: HttpApp;
  /** The generated key admin operations are signed with, when no key is configured. */
  devAdminKey?: DevAdminKey | undefined;
  close(): Promise<void>;
}

export interface ServerOverrides {
  clock?: Clock;
  random?: Random;
  /** Operations served next to the user-pool ones (tests). */
  extraOperations?: Record<string, Operation>;
}

/** config -> store -> app -> listen. Throws ConfigError for a config that cannot be applied. */
export async function startServer(settings: ServerSettings, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const config = settings.configPath ? loadConfigFile(settings.configPath) : defaultConfig;
  const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const context = createContext(settings, store, overrides);
    const pools = await applyConfig(context, config, config.Region ?? settings.region);
    const admin = await resolveAdminCredentials({ fromConfig: config.AdminCredentials ?? [], fromEnvironment: settings.adminCredential, dataDir: settings.dataDir, random: context.random });
    const app = createApp({
      context,
      store,
      devOutbox: !settings.smtpUrl || !settings.smsWebhookUrl,
      adminCredentials: admin.credentials,
      extraOperations: overrides.extraOperations,
    });
    const port = await app.listen(settings.host, settings.port);
    const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
    context.publicUrl = settings.publicUrl ?? url;
    const first = pools[0];
    if (first?.clients[0]) {
      const identityPool = await context.identity.pools.findTrusting(first.pool.Id);
      writeAmplifyOutputs(settings.dataDir, amplifyOutputs(first.pool, first.clients[0], context.publicUrl, identityPool));
    }
    const purge = setInterval(() => removeExpired(store.db, context.clock).catch(() => {}), 60_000).unref();
    return {
      url,
      publicUrl: context.publicUrl,
      pools,
      context,
      store,
      app,
      devAdminKey: admin.devKey,
      async close() {
        clearInterval(purge);
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
