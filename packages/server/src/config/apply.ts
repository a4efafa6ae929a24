import { applyIdentityConfig } from '../identitypool/apply-config.js';
import { newClientId, newClientSecret, newUserPoolId } from '../userpool/ids.js';
import type { UserPoolClient } from '../userpool/client.js';
import type { Context } from '../userpool/context.js';
import type { UserPoolSettings } from '../userpool/pool.js';
import { InvalidSettingError, clientSettingsFromRequest, poolSettingsFromRequest } from '../userpool/settings-from-request.js';
import { ConfigError } from './load.js';
import type { ClientConfig, ConfigFile, PoolConfig } from './schema.js';

export interface AppliedPool {
  pool: UserPoolSettings;
  clients: UserPoolClient[];
}

/**
 * Makes the store hold what the config declares. Pools and clients without pinned ids are matched by
 * name, so applying the same config again changes nothing and a changed member updates in place.
 */
export async function applyConfig(context: Context, config: ConfigFile, region: string): Promise<AppliedPool[]> {
  const applied: AppliedPool[] = [];
  for (const [poolIndex, poolConfig] of (config.UserPools ?? []).entries()) {
    const path = `UserPools[${poolIndex}]`;
    const pool = await applyPool(context, poolConfig, region, path);
    const clients: UserPoolClient[] = [];
    for (const [clientIndex, clientConfig] of (poolConfig.Clients ?? []).entries()) {
      clients.push(await applyClient(context, pool, clientConfig, `${path}.Clients[${clientIndex}]`));
    }
    await context.keys.forPool(pool.Id);
    applied.push({ pool, clients });
  }
  await applyIdentityConfig(context, config, region);
  return applied;
}

async function applyPool(context: Context, poolConfig: PoolConfig, region: string, path: string): Promise<UserPoolSettings> {
  const { Clients: _clients, ...request } = poolConfig;
  const id = request.Id ?? (await context.pools.findPoolIdByName(request.PoolName)) ?? newUserPoolId(context.random, region);
  const pool = withPath(path, () => poolSettingsFromRequest(request, id));
  await context.pools.putPool(pool, context.clock.now());
  return pool;
}

async function applyClient(context: Context, pool: UserPoolSettings, clientConfig: ClientConfig, path: string): Promise<UserPoolClient> {
  const { ClientId, ClientSecret, GenerateSecret, ...request } = clientConfig;
  if (ClientSecret && GenerateSecret === false) throw new ConfigError(`${path}.ClientSecret: cannot be set with GenerateSecret false`);
  const id = ClientId ?? (await context.pools.findClientIdByName(pool.Id, request.ClientName)) ?? newClientId(context.random);
  const existing = await context.pools.getClient(id);
  if (existing && existing.UserPoolId !== pool.Id) throw new ConfigError(`${path}.ClientId: ${id} already belongs to user pool ${existing.UserPoolId}`);
  const settings = withPath(path, () => clientSettingsFromRequest(request, pool.Id, id));
  const wantsSecret = ClientSecret !== undefined || GenerateSecret === true;
  const secret = ClientSecret ?? (wantsSecret ? (existing?.ClientSecret ?? newClientSecret(context.random)) : null);
  await context.pools.putClient(settings, secret, context.clock.now());
  return secret ? { ...settings, ClientSecret: secret } : settings;
}

function withPath<T>(path: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InvalidSettingError) throw new ConfigError(`${path}.${error.message}`);
    throw error;
  }
}
