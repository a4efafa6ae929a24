import { z } from 'zod';
import { fail } from '../errors.js';
import type { Context } from '../userpool/context.js';
import { pageSize, readPage } from '../userpool/admin/paging.js';
import { regionOf } from '../userpool/pool.js';
import { resolveIdentityPool } from './identities.js';
import { newIdentityPoolId, regionOfIdentityPool } from './ids.js';
import {
  assertProvidersDeclared,
  describeIdentityPool,
  identityPoolFromRequest,
  IdentityPoolSettingError,
  withRoles,
  type IdentityPool,
  type IdentityPoolRequest,
  type IdentityPoolRoles,
} from './settings.js';

/** Setting errors of a request are InvalidParameterException in Cognito's words. */
async function orInvalid<T>(build: () => T | Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof IdentityPoolSettingError) fail('InvalidParameterException', error.reason);
    throw error;
  }
}

/** New pools take the region of the existing identity pools, else of the user pools. */
async function regionForNewPool(context: Context): Promise<string> {
  const [identityPool] = await context.identity.pools.listDated(1);
  if (identityPool) return regionOfIdentityPool(identityPool.value.IdentityPoolId);
  const [userPool] = await context.pools.listDatedPools(1);
  return userPool ? regionOf(userPool.value.Id) : 'us-east-1';
}

export async function createIdentityPool(context: Context, request: IdentityPoolRequest) {
  const id = newIdentityPoolId(context.random, await regionForNewPool(context));
  const pool = await orInvalid(async () => {
    await assertProvidersDeclared(context, request);
    return identityPoolFromRequest(request, id);
  });
  await context.identity.pools.put(pool, context.clock.now());
  return describeIdentityPool(pool);
}

export async function describeIdentityPoolById(context: Context, poolId: string) {
  return describeIdentityPool(await resolveIdentityPool(context, poolId));
}

/** As Cognito, the request replaces the pool's settings (members left out are removed); the roles stay. */
export async function updateIdentityPool(context: Context, request: IdentityPoolRequest & { IdentityPoolId: string }) {
  const existing = await resolveIdentityPool(context, request.IdentityPoolId);
  const { IdentityPoolId, ...members } = request;
  const pool = await orInvalid(async () => {
    await assertProvidersDeclared(context, members);
    return identityPoolFromRequest(members, IdentityPoolId, existing);
  });
  await context.identity.pools.put(pool, context.clock.now());
  return describeIdentityPool(pool);
}

export async function deleteIdentityPool(context: Context, poolId: string) {
  if (!(await context.identity.pools.delete(poolId))) fail('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
  return {};
}

const poolCursor = z.tuple([z.number(), z.string()]);

export async function listIdentityPools(context: Context, maxResults: number, nextToken: string | undefined) {
  const page = await readPage(
    { limit: pageSize(maxResults), token: nextToken, cursor: poolCursor },
    (limit, after) => context.identity.pools.listDated(limit, after),
    (pool) => [pool.createdAt, pool.value.IdentityPoolId] as [number, string],
  );
  return {
    IdentityPools: page.items.map(({ value }) => ({ IdentityPoolId: value.IdentityPoolId, IdentityPoolName: value.IdentityPoolName })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export async function setIdentityPoolRoles(context: Context, poolId: string, roles: IdentityPoolRoles) {
  const existing = await resolveIdentityPool(context, poolId);
  const pool: IdentityPool = await orInvalid(() => withRoles(existing, roles));
  await context.identity.pools.put(pool, context.clock.now());
  return {};
}

export async function getIdentityPoolRoles(context: Context, poolId: string) {
  const pool = await resolveIdentityPool(context, poolId);
  return { IdentityPoolId: pool.IdentityPoolId, Roles: pool.Roles, ...(pool.RoleMappings ? { RoleMappings: pool.RoleMappings } : {}) };
}
