import { z } from 'zod';
import type { Context } from '../userpool/context.js';
import { epochSecondsWithFraction } from '../userpool/admin/user-type.js';
import { pageSize, readPage } from '../userpool/admin/paging.js';
import { resolveIdentity, resolveIdentityPool } from './identities.js';
import { identityStore, type Identity } from './identity-store.js';

/** IdentityDescription: the providers of its logins and its dates in epoch seconds. */
async function describe(context: Context, identity: Identity) {
  const logins = await identityStore.loginsOf(context.db, identity.id);
  return {
    IdentityId: identity.id,
    Logins: [...new Set(logins.map((login) => login.provider))],
    CreationDate: epochSecondsWithFraction(identity.createdAt),
    LastModifiedDate: epochSecondsWithFraction(identity.updatedAt),
  };
}

export async function describeIdentity(context: Context, identityId: string) {
  const { identity } = await resolveIdentity(context, identityId);
  return describe(context, identity);
}

const identityCursor = z.tuple([z.number(), z.string()]);

export async function listIdentities(context: Context, request: { IdentityPoolId: string; MaxResults: number; NextToken?: string | undefined; HideDisabled?: boolean | undefined }) {
  const pool = await resolveIdentityPool(context, request.IdentityPoolId);
  const page = await readPage(
    { limit: pageSize(request.MaxResults), token: request.NextToken, cursor: identityCursor },
    (limit, after) => identityStore.list(context.db, pool.IdentityPoolId, limit, after, request.HideDisabled ?? false),
    (identity) => [identity.createdAt, identity.id] as [number, string],
  );
  return {
    IdentityPoolId: pool.IdentityPoolId,
    Identities: await Promise.all(page.items.map((identity) => describe(context, identity))),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

/** Identities that do not exist are already gone: nothing is left unprocessed. */
export async function deleteIdentities(context: Context, identityIds: string[]) {
  await identityStore.delete(context.db, identityIds);
  return { UnprocessedIdentityIds: [] };
}
