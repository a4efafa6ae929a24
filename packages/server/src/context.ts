import { join } from 'node:path';
import { systemClock, systemRandom, type Clock, type Random } from './clock.js';
import { defaultHookTimeoutMs, type ServerSettings } from './config/settings.js';
import { loadOrCreateMasterKey, Sealer } from './crypto/seal.js';
import { createDelivery } from './delivery/index.js';
import { createIdentityServices } from './identitypool/services.js';
import type { Store } from './store/open.js';
import { PoolStore } from './store/pools.js';
import type { Context } from './userpool/context.js';
import { SigningKeys } from './userpool/signing-keys.js';

export interface ContextOverrides {
  clock?: Clock | undefined;
  random?: Random | undefined;
}

export const masterKeyFile = (settings: Pick<ServerSettings, 'dataDir'>) => join(settings.dataDir, 'master.key');

/** The domain context over an open store: the server and the `cognate` commands build it the same way. */
export function createContext(settings: ServerSettings, store: Store, overrides: ContextOverrides = {}): Context {
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? systemRandom;
  const sealer = new Sealer(loadOrCreateMasterKey({ envValue: settings.masterKey, file: masterKeyFile(settings) }));
  return {
    db: store.db,
    pools: new PoolStore(store.db, sealer, clock),
    keys: new SigningKeys(store.db, sealer, clock, random),
    sealer,
    delivery: createDelivery({ smtpUrl: settings.smtpUrl, smtpFrom: settings.smtpFrom, smsWebhookUrl: settings.smsWebhookUrl, db: store.db, clock }),
    clock,
    random,
    identity: createIdentityServices(store.db, sealer, clock, random, settings.loginProviders),
    publicUrl: settings.publicUrl ?? '',
    hookTimeoutMs: settings.hookTimeoutMs ?? defaultHookTimeoutMs,
  };
}
