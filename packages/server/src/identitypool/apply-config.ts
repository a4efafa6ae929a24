import { ConfigError } from '../config/load.js';
import type { ConfigFile, IdentityPoolConfig } from '../config/schema.js';
import type { Context } from '../userpool/context.js';
import { newIdentityPoolId } from './ids.js';
import { assertProvidersDeclared, identityPoolFromRequest, IdentityPoolSettingError, withRoles } from './settings.js';

/**
 * The config's OpenID Connect providers, identity pools and roles, after its user pools. Pools
 * without a pinned Id are found again by name; what the config declares replaces their settings and
 * roles, and a declared role's policies.
 */
export async function applyIdentityConfig(context: Context, config: ConfigFile, region: string): Promise<void> {
  for (const provider of config.OpenIdConnectProviders ?? []) {
    await context.identity.openIdConnect.put(provider.Url, provider.ClientIDList, context.clock.now());
  }
  for (const [index, poolConfig] of (config.IdentityPools ?? []).entries()) {
    await applyIdentityPool(context, poolConfig, region, `IdentityPools[${index}]`);
  }
  for (const role of config.Roles ?? []) {
    await context.identity.rolePolicies.replace(role.RoleArn, role.Policies, context.clock.now());
  }
}

async function applyIdentityPool(context: Context, poolConfig: IdentityPoolConfig, region: string, path: string): Promise<void> {
  const { Id, Roles, RoleMappings, ...request } = poolConfig;
  const id = Id ?? (await context.identity.pools.findIdByName(request.IdentityPoolName)) ?? newIdentityPoolId(context.random, region);
  const existing = await context.identity.pools.get(id);
  try {
    await assertProvidersDeclared(context, request);
    let pool = identityPoolFromRequest(request, id, existing);
    if (Roles || RoleMappings) pool = withRoles(pool, { Roles: Roles ?? pool.Roles, RoleMappings: RoleMappings ?? pool.RoleMappings });
    await context.identity.pools.put(pool, context.clock.now());
  } catch (error) {
    if (error instanceof IdentityPoolSettingError) throw new ConfigError(`${path}.${error.member}: ${error.reason}`);
    throw error;
  }
}
