import { fail } from '../errors.js';
import type { Context } from '../userpool/context.js';
import { newIdentityId } from './ids.js';
import { identityStore, LoginTakenError, type Identity } from './identity-store.js';
import { loginMessages, refuseLogin } from './logins/login-token.js';
import type { VerifiedLogin, VerifiedLogins } from './logins/verified-login.js';
import type { IdentityPool } from './settings.js';

export const identityMessages = {
  poolNotFound: (id: string) => `IdentityPool '${id}' not found.`,
  identityNotFound: (id: string) => `Identity '${id}' not found.`,
  forbidden: (id: string) => `Access to Identity '${id}' is forbidden.`,
  unauthenticated: 'Unauthenticated access is not supported for this identity pool.',
  loginTaken: 'Logins are already associated with another identity.',
} as const;

export async function resolveIdentityPool(context: Context, poolId: string): Promise<IdentityPool> {
  return (await context.identity.pools.get(poolId)) ?? fail('ResourceNotFoundException', identityMessages.poolNotFound(poolId));
}

/** An identity and its pool; unknown ids (or ids of another pool, when one is named) are ResourceNotFoundException. */
export async function resolveIdentity(context: Context, identityId: string, poolId?: string): Promise<{ identity: Identity; pool: IdentityPool }> {
  const identity = await identityStore.get(context.db, identityId);
  const pool = identity && (poolId === undefined || identity.poolId === poolId) && (await context.identity.pools.get(identity.poolId));
  if (!identity || !pool) return fail('ResourceNotFoundException', identityMessages.identityNotFound(identityId));
  return { identity, pool };
}

/**
 * The identity verified logins belong to, linking the new ones to it. Without `requested` (GetId) it is
 * the identity a login already has, else a new one. With `requested`, an identity that has logins
 * must be named by one of them; a guest identity keeps its id, unless a login already belongs to
 * another identity, which then absorbs the guest. Logins of several identities merge them into one.
 */
export async function settleIdentity(context: Context, pool: IdentityPool, logins: VerifiedLogins, requested?: Identity): Promise<string> {
  try {
    return await settle(context, pool, logins, requested);
  } catch (error) {
    if (!(error instanceof LoginTakenError)) throw error;
  }
  // A concurrent request linked one of these logins first: looked up again, it names its identity.
  try {
    return await settle(context, pool, logins, requested);
  } catch (error) {
    if (error instanceof LoginTakenError) fail('ResourceConflictException', identityMessages.loginTaken);
    throw error;
  }
}

async function settle(context: Context, pool: IdentityPool, logins: VerifiedLogins, requested?: Identity): Promise<string> {
  const { db, clock } = context;
  const poolId = pool.IdentityPoolId;
  const linked = distinct(logins.linked);
  const owned = await Promise.all(linked.map((login) => identityStore.ownerOf(db, poolId, login)));
  for (const proof of logins.proofs) {
    const proven = await identityStore.get(db, proof.identityId);
    if (!proven || proven.poolId !== poolId) refuseLogin(loginMessages.logins);
  }
  const owners = [...new Set([...logins.proofs.map((proof) => proof.identityId), ...owned.filter((id): id is string => id !== undefined)])];
  const unlinked = linked.filter((_, index) => owned[index] === undefined);
  let target: string | undefined;
  if (requested) {
    const hasLogins = (await identityStore.loginsOf(db, requested.id)).length > 0;
    if (hasLogins && !owners.includes(requested.id)) refuseLogin(loginMessages.logins);
    target = hasLogins ? requested.id : (owners[0] ?? requested.id);
  } else {
    target = owners[0];
  }
  if (target === undefined) {
    const id = newIdentityId(context.random, poolId);
    await identityStore.link(db, { id, poolId }, unlinked, clock.now(), true);
    return id;
  }
  const absorbed = new Set([...owners, ...(requested ? [requested.id] : [])].filter((id) => id !== target));
  for (const id of absorbed) await identityStore.merge(db, id, target, pool.DeveloperProviderName, clock.now());
  if (unlinked.length > 0) await identityStore.link(db, { id: target, poolId }, unlinked, clock.now());
  return target;
}

/** The developer flow names the identity to link to, with an admin key: no login of it is needed, none may belong elsewhere. */
export async function linkToIdentity(context: Context, pool: IdentityPool, logins: VerifiedLogins, identity: Identity): Promise<void> {
  const linked = distinct(logins.linked);
  const unlinked: VerifiedLogin[] = [];
  for (const login of linked) {
    const owner = await identityStore.ownerOf(context.db, pool.IdentityPoolId, login);
    if (owner === undefined) unlinked.push(login);
    else if (owner !== identity.id && login.provider === pool.DeveloperProviderName) {
      fail('DeveloperUserAlreadyRegisteredException', 'The provided developer user identifier is already registered with Cognito under a different identity ID.');
    } else if (owner !== identity.id) fail('ResourceConflictException', `The login of ${login.key} is already linked to another identity.`);
  }
  if (logins.proofs.some((proof) => proof.identityId !== identity.id)) refuseLogin(loginMessages.logins);
  try {
    if (unlinked.length > 0) await identityStore.link(context.db, { id: identity.id, poolId: pool.IdentityPoolId }, unlinked, context.clock.now());
  } catch (error) {
    if (error instanceof LoginTakenError) fail('ResourceConflictException', identityMessages.loginTaken);
    throw error;
  }
}

/** One provider's user sent under two keys (both names of a user pool) is one login. */
function distinct(logins: VerifiedLogin[]): VerifiedLogin[] {
  const seen = new Set<string>();
  return logins.filter((login) => {
    const key = `${login.provider}\n${login.subject}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
