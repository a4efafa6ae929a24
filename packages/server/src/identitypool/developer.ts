import { z } from 'zod';
import { fail } from '../errors.js';
import type { Context } from '../userpool/context.js';
import { pageSize, readPage } from '../userpool/admin/paging.js';
import { linkToIdentity, resolveIdentity, resolveIdentityPool, settleIdentity } from './identities.js';
import { identityStore } from './identity-store.js';
import { verifyLogins } from './logins/verify-logins.js';
import { authenticationMethods, developerTokenSeconds, signOpenIdToken } from './openid-token.js';
import type { IdentityPool } from './settings.js';

export interface DeveloperTokenRequest {
  IdentityPoolId: string;
  IdentityId?: string | undefined;
  Logins: Record<string, string>;
  PrincipalTags?: Record<string, string> | undefined;
  TokenDuration?: number | undefined;
}

/** GetOpenIdTokenForDeveloperIdentity: the backend vouches for its user; the identity is found, created or named. */
export async function getOpenIdTokenForDeveloperIdentity(context: Context, request: DeveloperTokenRequest) {
  const pool = await resolveIdentityPool(context, request.IdentityPoolId);
  const logins = await verifyLogins(context, pool, request.Logins, { trustDeveloperLogin: true });
  let identityId: string;
  if (request.IdentityId) {
    const { identity } = await resolveIdentity(context, request.IdentityId, pool.IdentityPoolId);
    await linkToIdentity(context, pool, logins, identity);
    identityId = identity.id;
  } else {
    identityId = await settleIdentity(context, pool, logins);
  }
  const Token = await signOpenIdToken(context, {
    poolId: pool.IdentityPoolId,
    identityId,
    amr: authenticationMethods(pool.IdentityPoolId, logins),
    lifetimeSeconds: request.TokenDuration ?? developerTokenSeconds,
    principalTags: request.PrincipalTags,
  });
  return { IdentityId: identityId, Token };
}

function developerProviderOf(pool: IdentityPool, named?: string): string {
  const provider = pool.DeveloperProviderName;
  if (!provider) return fail('ResourceNotFoundException', `IdentityPool '${pool.IdentityPoolId}' has no developer provider.`);
  if (named !== undefined && named !== provider) fail('InvalidParameterException', `Developer provider ${named} is not the developer provider of this identity pool.`);
  return provider;
}

async function developerUserOwner(context: Context, pool: IdentityPool, provider: string, subject: string): Promise<string> {
  const owner = await identityStore.ownerOf(context.db, pool.IdentityPoolId, { provider, subject });
  return owner ?? fail('ResourceNotFoundException', `Developer user identifier '${subject}' not found.`);
}

export interface LookupRequest {
  IdentityPoolId: string;
  IdentityId?: string | undefined;
  DeveloperUserIdentifier?: string | undefined;
  MaxResults?: number | undefined;
  NextToken?: string | undefined;
}

/** The identity of a developer user, or the developer users of an identity; both given, they must agree. */
export async function lookupDeveloperIdentity(context: Context, request: LookupRequest) {
  const pool = await resolveIdentityPool(context, request.IdentityPoolId);
  const provider = developerProviderOf(pool);
  if (request.IdentityId === undefined && request.DeveloperUserIdentifier === undefined) {
    fail('InvalidParameterException', 'Either IdentityId or DeveloperUserIdentifier must be specified.');
  }
  const owner = request.DeveloperUserIdentifier === undefined ? undefined : await developerUserOwner(context, pool, provider, request.DeveloperUserIdentifier);
  if (owner !== undefined && request.IdentityId !== undefined && owner !== request.IdentityId) {
    fail('ResourceConflictException', 'The developer user identifier is not linked to this identity.');
  }
  const { identity } = await resolveIdentity(context, request.IdentityId ?? owner!, pool.IdentityPoolId);
  const page = await readPage(
    { limit: pageSize(request.MaxResults), token: request.NextToken, cursor: z.string() },
    (limit, after) => identityStore.subjectsOf(context.db, identity.id, provider, limit, after),
    (subject) => subject,
  );
  return { IdentityId: identity.id, DeveloperUserIdentifierList: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

export interface MergeRequest {
  IdentityPoolId: string;
  DeveloperProviderName: string;
  SourceUserIdentifier: string;
  DestinationUserIdentifier: string;
}

/** The source user's identity joins the destination user's: every login moves, the source identity goes. */
export async function mergeDeveloperIdentities(context: Context, request: MergeRequest) {
  const pool = await resolveIdentityPool(context, request.IdentityPoolId);
  const provider = developerProviderOf(pool, request.DeveloperProviderName);
  const source = await developerUserOwner(context, pool, provider, request.SourceUserIdentifier);
  const destination = await developerUserOwner(context, pool, provider, request.DestinationUserIdentifier);
  if (source !== destination) await identityStore.merge(context.db, source, destination, provider, context.clock.now());
  return { IdentityId: destination };
}

export interface UnlinkDeveloperRequest {
  IdentityId: string;
  IdentityPoolId: string;
  DeveloperProviderName: string;
  DeveloperUserIdentifier: string;
}

export async function unlinkDeveloperIdentity(context: Context, request: UnlinkDeveloperRequest) {
  const pool = await resolveIdentityPool(context, request.IdentityPoolId);
  const provider = developerProviderOf(pool, request.DeveloperProviderName);
  const { identity } = await resolveIdentity(context, request.IdentityId, pool.IdentityPoolId);
  const removed = await identityStore.unlink(context.db, identity.id, provider, request.DeveloperUserIdentifier, context.clock.now());
  if (removed === 0) fail('ResourceNotFoundException', `Developer user identifier '${request.DeveloperUserIdentifier}' is not linked to identity '${identity.id}'.`);
  return {};
}
