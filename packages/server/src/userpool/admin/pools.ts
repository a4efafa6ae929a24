import { z } from 'zod';
import type { PoolConfig } from '../../config/schema.js';
import { fail } from '../../errors.js';
import type { Dated } from '../../store/pools.js';
import type { Context } from '../context.js';
import { newUserPoolId } from '../ids.js';
import { regionOf, type UserPoolSettings } from '../pool.js';
import { resolvePool } from '../pools.js';
import { InvalidSettingError, poolSettingsFromRequest } from '../settings-from-request.js';
import { describePool, summarizePool } from './pool-description.js';
import { pageSize, readPage } from './paging.js';

export type CreateUserPoolRequest = Omit<PoolConfig, 'Id' | 'Clients'>;

/** The members UpdateUserPool takes: the others are fixed once the pool exists. */
export type UpdateUserPoolRequest = Partial<Pick<PoolConfig, 'PoolName'>> &
  Omit<CreateUserPoolRequest, 'PoolName' | 'UsernameAttributes' | 'AliasAttributes' | 'UsernameConfiguration' | 'Schema'>;

/** Settings errors of a request are InvalidParameterException, naming the member. */
export function settingsOrInvalid<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InvalidSettingError) fail('InvalidParameterException', error.message);
    throw error;
  }
}

/** The pool with its times; unknown ids are ResourceNotFoundException. */
async function datedPool(context: Context, poolId: string): Promise<Dated<UserPoolSettings>> {
  return (await context.pools.getDatedPool(poolId)) ?? fail('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
}

async function describe(context: Context, poolId: string) {
  const [pool, users] = await Promise.all([datedPool(context, poolId), context.pools.countUsers(poolId)]);
  return describePool(pool, users);
}

/** New pools take the region of the existing ones, so every id this server hands out agrees. */
async function regionForNewPool(context: Context): Promise<string> {
  const [first] = await context.pools.listDatedPools(1);
  return first ? regionOf(first.value.Id) : 'us-east-1';
}

export async function createUserPool(context: Context, request: CreateUserPoolRequest) {
  const id = newUserPoolId(context.random, await regionForNewPool(context));
  const settings = settingsOrInvalid(() => poolSettingsFromRequest(request, id));
  await context.pools.putPool(settings, context.clock.now());
  await context.keys.forPool(id);
  return { UserPool: await describe(context, id) };
}

export async function describeUserPool(context: Context, poolId: string) {
  return { UserPool: await describe(context, poolId) };
}

/**
 * As Cognito, the request replaces the pool's updatable settings: a member left out returns to its
 * default. Sign-in identifiers, case sensitivity, the schema and the MFA factors stay.
 */
export async function updateUserPool(context: Context, poolId: string, request: UpdateUserPoolRequest) {
  const existing = await resolvePool(context, poolId);
  const settings = settingsOrInvalid(() =>
    poolSettingsFromRequest(
      {
        ...request,
        PoolName: request.PoolName ?? existing.Name,
        UsernameAttributes: existing.UsernameAttributes,
        AliasAttributes: existing.AliasAttributes,
        UsernameConfiguration: existing.UsernameConfiguration,
        Schema: existing.SchemaAttributes,
      },
      poolId,
    ),
  );
  const { SmsMfaConfiguration, SoftwareTokenMfaConfiguration, EmailMfaConfiguration, WebAuthnConfiguration } = existing;
  await context.pools.putPool({ ...settings, SmsMfaConfiguration, SoftwareTokenMfaConfiguration, EmailMfaConfiguration, WebAuthnConfiguration }, context.clock.now());
  return {};
}

export async function deleteUserPool(context: Context, poolId: string) {
  const pool = await resolvePool(context, poolId);
  if (pool.DeletionProtection === 'ACTIVE') {
    fail('InvalidParameterException', 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
  }
  if (!(await context.pools.deletePool(poolId))) fail('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  context.keys.forget(poolId);
  return {};
}

const poolCursor = z.tuple([z.number(), z.string()]);

export async function listUserPools(context: Context, maxResults: number, nextToken: string | undefined) {
  const page = await readPage(
    { limit: pageSize(maxResults), token: nextToken, cursor: poolCursor },
    (limit, after) => context.pools.listDatedPools(limit, after),
    (pool) => [pool.createdAt, pool.value.Id] as [number, string],
  );
  return { UserPools: page.items.map(summarizePool), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}
