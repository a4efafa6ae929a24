import type { Transaction } from 'kysely';
import type { Channel } from '../../delivery/types.js';
import { fail, messages } from '../../errors.js';
import { noClient } from '../../hooks/event.js';
import { preSignUp } from '../../hooks/pre-sign-up.js';
import type { Database } from '../../store/schema.js';
import { uniqueViolation } from '../../store/unique-violation.js';
import { userStore, type User } from '../../store/users.js';
import { checkAttributes } from '../attribute-rules.js';
import type { AttributeType } from '../attributes.js';
import type { Context } from '../context.js';
import { assertPasswordPolicy } from '../password-policy.js';
import type { UserPoolSettings } from '../pool.js';
import { resolvePool } from '../pools.js';
import { canonicalUsername, findUserForSignIn, newUser, passwordColumns } from '../users.js';
import { generateTemporaryPassword, sendInvitation } from './invitation.js';
import { normalizeVerifiedFlags } from './user-attributes.js';
import { userType, type UserType } from './user-type.js';

export interface AdminCreateUserRequest {
  UserPoolId: string;
  Username: string;
  UserAttributes?: AttributeType[] | undefined;
  TemporaryPassword?: string | undefined;
  MessageAction?: 'RESEND' | 'SUPPRESS' | undefined;
  DesiredDeliveryMediums?: Channel[] | undefined;
  ForceAliasCreation?: boolean | undefined;
  ValidationData?: AttributeType[] | undefined;
  ClientMetadata?: Record<string, string> | undefined;
}

/**
 * AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password (the given one, or a
 * generated one) and an invitation that carries it. The row is committed before the invitation
 * goes out, so a failed delivery leaves a user the admin can invite again with RESEND.
 */
export async function adminCreateUser(context: Context, request: AdminCreateUserRequest): Promise<{ User: UserType }> {
  const pool = await resolvePool(context, request.UserPoolId);
  if (request.TemporaryPassword !== undefined) assertPasswordPolicy(pool.Policies.PasswordPolicy, request.TemporaryPassword, 'change');
  if (request.MessageAction === 'RESEND') return resendInvitation(context, pool, request);

  const attributes = normalizeVerifiedFlags(checkAttributes(pool, request.UserAttributes ?? []));
  const sub = context.random.uuid();
  const username = canonicalUsername(pool, request.Username, attributes, sub);
  // The pre sign-up hook may refuse the user; its auto-confirm and auto-verify answers do not apply to admin-created users.
  await preSignUp(context, pool, {
    source: 'PreSignUp_AdminCreateUser',
    clientId: noClient,
    user: { userName: username, userAttributes: { ...attributes } },
    validationData: request.ValidationData,
    clientMetadata: request.ClientMetadata,
  });
  // Required attributes may be missing: the user gives them at the first sign-in (NEW_PASSWORD_REQUIRED).
  const temporaryPassword = request.TemporaryPassword ?? generateTemporaryPassword(context.random, pool.Policies.PasswordPolicy);
  const user = await newUser(context, pool, { username, sub, status: 'FORCE_CHANGE_PASSWORD', attributes, password: temporaryPassword });
  await insertUser(context, pool, user, request.ForceAliasCreation ?? false);
  if (request.MessageAction !== 'SUPPRESS') {
    await sendInvitation(context, pool, user, shownUsername(pool, user, request.Username), temporaryPassword, request.DesiredDeliveryMediums);
  }
  return { User: userType(user) };
}

/** RESEND: a new temporary password for a user who has not signed in yet, which restarts its validity. */
async function resendInvitation(context: Context, pool: UserPoolSettings, request: AdminCreateUserRequest): Promise<{ User: UserType }> {
  const found = await findUserForSignIn(context, pool, request.Username);
  if (!found) return fail('UserNotFoundException', messages.userDoesNotExist);
  if (found.status !== 'FORCE_CHANGE_PASSWORD') {
    fail('UnsupportedUserStateException', `Resend not possible. ${found.username} status is not FORCE_CHANGE_PASSWORD.`);
  }
  const temporaryPassword = request.TemporaryPassword ?? generateTemporaryPassword(context.random, pool.Policies.PasswordPolicy);
  const changes = { ...(await passwordColumns(context, pool, found.username, found.sub, temporaryPassword)), updatedAt: context.clock.now() };
  await userStore.update(context.db, found, changes);
  const user = { ...found, ...changes };
  await sendInvitation(context, pool, user, shownUsername(pool, user, request.Username), temporaryPassword, request.DesiredDeliveryMediums);
  return { User: userType(user) };
}

/** Where email or phone is the username, the invitation names the address the admin used, not the generated UUID. */
const shownUsername = (pool: UserPoolSettings, user: User, requested: string) => ((pool.UsernameAttributes ?? []).length > 0 ? requested : user.username);

/** Inserts the user; with ForceAliasCreation, a verified alias another user holds moves to the new user. */
async function insertUser(context: Context, pool: UserPoolSettings, user: User, forceAlias: boolean): Promise<void> {
  try {
    await context.db.transaction().execute(async (tx) => {
      if (forceAlias) await releaseAliases(tx, pool, user, context.clock.now());
      await userStore.insert(tx, user);
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === undefined) throw error;
    const attribute = constraint.includes('email') ? 'email' : constraint.includes('phone') ? 'phone_number' : constraint.includes('preferred') ? 'preferred_username' : undefined;
    if (!attribute) fail('UsernameExistsException', 'User account already exists');
    if ((pool.UsernameAttributes ?? []).some((a) => a === attribute)) fail('UsernameExistsException', `An account with the given ${attribute} already exists.`);
    fail('AliasExistsException', `An account with the ${attribute} already exists.`);
  }
}

async function releaseAliases(tx: Transaction<Database>, pool: UserPoolSettings, user: User, now: number): Promise<void> {
  const aliases = pool.AliasAttributes ?? [];
  const held = [
    { attribute: 'email', column: 'email_login', key: 'emailLogin', value: user.emailLogin },
    { attribute: 'phone_number', column: 'phone_login', key: 'phoneLogin', value: user.phoneLogin },
  ] as const;
  for (const { attribute, column, key, value } of held) {
    if (value === null || !aliases.includes(attribute)) continue;
    const holder = await userStore.byLogin(tx, pool.Id, column, value);
    if (!holder) continue;
    // Unverified, the old holder's attribute stays but no longer signs it in.
    await userStore.update(tx, holder, { [key]: null, attributes: { ...holder.attributes, [`${attribute}_verified`]: 'false' }, updatedAt: now });
  }
}
