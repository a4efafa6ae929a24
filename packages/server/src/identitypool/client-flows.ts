import { fail } from '../errors.js';
import type { Context } from '../userpool/context.js';
import { vendCredentials } from './credentials.js';
import { identityMessages, resolveIdentity, resolveIdentityPool, settleIdentity } from './identities.js';
import { identityStore, type Identity } from './identity-store.js';
import { loginMessages, refuseLogin } from './logins/login-token.js';
import { isAuthenticated, type VerifiedLogins } from './logins/verified-login.js';
import { providerNameOf, verifyLogins } from './logins/verify-logins.js';
import { authenticationMethods, openIdTokenSeconds, signOpenIdToken } from './openid-token.js';
import { chooseRole } from './roles.js';
import type { IdentityPool } from './settings.js';

type Logins = Record<string, string> | undefined;

const hasLogins = (logins: Logins) => logins !== undefined && Object.keys(logins).length > 0;

function assertGuestsAllowed(pool: IdentityPool): void {
  if (!pool.AllowUnauthenticatedIdentities) fail('NotAuthorizedException', identityMessages.unauthenticated);
}

/** GetId: a new guest identity without logins, else the identity the logins belong to. */
export async function getId(context: Context, input: { IdentityPoolId: string; Logins?: Logins }) {
  const pool = await resolveIdentityPool(context, input.IdentityPoolId);
  const logins = await verifyLogins(context, pool, input.Logins);
  if (!isAuthenticated(logins)) assertGuestsAllowed(pool);
  return { IdentityId: await settleIdentity(context, pool, logins) };
}

/** The identity a client names with the logins it sends: the checks GetCredentialsForIdentity and GetOpenIdToken share. */
async function authorizeIdentity(context: Context, identityId: string, sent: Logins): Promise<{ pool: IdentityPool; identity: Identity; logins: VerifiedLogins }> {
  const { identity, pool } = await resolveIdentity(context, identityId);
  if (identity.disabled) fail('NotAuthorizedException', identityMessages.forbidden(identity.id));
  const logins = await verifyLogins(context, pool, sent);
  if (!hasLogins(sent) && (await identityStore.loginsOf(context.db, identity.id)).length > 0) {
    fail('NotAuthorizedException', identityMessages.forbidden(identity.id));
  }
  if (!isAuthenticated(logins)) assertGuestsAllowed(pool);
  return { pool, identity, logins };
}

export async function getCredentialsForIdentity(context: Context, input: { IdentityId: string; Logins?: Logins; CustomRoleArn?: string | undefined }) {
  const { pool, identity, logins } = await authorizeIdentity(context, input.IdentityId, input.Logins);
  const roleArn = chooseRole(pool, { authenticated: isAuthenticated(logins), logins: logins.linked, customRoleArn: input.CustomRoleArn });
  const identityId = await settleIdentity(context, pool, logins, identity);
  const amr = authenticationMethods(pool.IdentityPoolId, logins);
  return { IdentityId: identityId, Credentials: await vendCredentials(context, { poolId: pool.IdentityPoolId, identityId, roleArn, amr }) };
}

export async function getOpenIdToken(context: Context, input: { IdentityId: string; Logins?: Logins }) {
  const { pool, identity, logins } = await authorizeIdentity(context, input.IdentityId, input.Logins);
  const identityId = await settleIdentity(context, pool, logins, identity);
  const Token = await signOpenIdToken(context, { poolId: pool.IdentityPoolId, identityId, amr: authenticationMethods(pool.IdentityPoolId, logins), lifetimeSeconds: openIdTokenSeconds });
  return { IdentityId: identityId, Token };
}

/** UnlinkIdentity: a login the identity has proves the caller; the named providers' logins go. */
export async function unlinkIdentity(context: Context, input: { IdentityId: string; Logins: Record<string, string>; LoginsToRemove: string[] }) {
  const { identity, pool } = await resolveIdentity(context, input.IdentityId);
  const logins = await verifyLogins(context, pool, input.Logins);
  const owners = await Promise.all(logins.linked.map((login) => identityStore.ownerOf(context.db, pool.IdentityPoolId, login)));
  const proven = owners.includes(identity.id) || logins.proofs.some((proof) => proof.identityId === identity.id);
  if (!proven) refuseLogin(loginMessages.logins);
  for (const name of new Set(input.LoginsToRemove.map((key) => providerNameOf(context, key)))) {
    await identityStore.unlink(context.db, identity.id, name, undefined, context.clock.now());
  }
  return {};
}
