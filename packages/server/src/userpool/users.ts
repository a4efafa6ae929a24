import { createSrpVerifier } from '../crypto/srp.js';
import { hashPassword } from '../crypto/password.js';
import { userStore, type User, type UserChanges, type UserStatus } from '../store/users.js';
import { fail } from '../errors.js';
import { normalizeEmail, type Attributes } from './attributes.js';
import type { Context } from './context.js';
import { srpPoolName, type UserPoolSettings } from './pool.js';

export const usernameKeyOf = (pool: UserPoolSettings, username: string): string =>
  pool.UsernameConfiguration.CaseSensitive ? username : username.toLowerCase();

/**
 * The identifiers besides the username that sign a user in: the username attribute always, an alias
 * only once verified (Cognito's alias rule). The unique indexes on these columns keep them unique.
 */
export function loginColumnsOf(pool: UserPoolSettings, attributes: Attributes): Pick<User, 'emailLogin' | 'phoneLogin' | 'preferredUsernameLogin'> {
  const usernameAttributes = pool.UsernameAttributes ?? [];
  const aliases = pool.AliasAttributes ?? [];
  const signsIn = (name: 'email' | 'phone_number') =>
    attributes[name] !== undefined && (usernameAttributes.includes(name) || (aliases.includes(name) && attributes[`${name}_verified`] === 'true'));
  return {
    emailLogin: signsIn('email') ? normalizeEmail(attributes.email!) : null,
    phoneLogin: signsIn('phone_number') ? attributes.phone_number! : null,
    preferredUsernameLogin:
      aliases.includes('preferred_username') && attributes.preferred_username !== undefined
        ? usernameKeyOf(pool, attributes.preferred_username)
        : null,
  };
}

/** The user an identifier names: the username itself, else an email, phone number or preferred username. */
export async function findUserForSignIn(context: Context, pool: UserPoolSettings, identifier: string): Promise<User | undefined> {
  const byUsername = await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, identifier));
  if (byUsername) return byUsername;
  const identifiers = new Set<string>([...(pool.UsernameAttributes ?? []), ...(pool.AliasAttributes ?? [])]);
  if (identifiers.has('email') && identifier.includes('@')) {
    return userStore.byLogin(context.db, pool.Id, 'email_login', normalizeEmail(identifier));
  }
  if (identifiers.has('phone_number') && identifier.startsWith('+')) {
    return userStore.byLogin(context.db, pool.Id, 'phone_login', identifier);
  }
  if (identifiers.has('preferred_username')) {
    return userStore.byLogin(context.db, pool.Id, 'preferred_username_login', usernameKeyOf(pool, identifier));
  }
  return undefined;
}

/**
 * Everything stored for a password: an argon2id hash for the password flow and a sealed SRP
 * verifier for the SRP flow, both from the same plaintext, which is then forgotten.
 */
export async function passwordColumns(
  context: Context,
  pool: UserPoolSettings,
  username: string,
  sub: string,
  password: string,
): Promise<Required<Pick<UserChanges, 'passwordHash' | 'srpSalt' | 'srpVerifierSealed' | 'passwordChangedAt'>>> {
  const passwordHash = await hashPassword(password);
  const { saltHex, verifierHex } = createSrpVerifier({ poolName: srpPoolName(pool.Id), username, password });
  return {
    passwordHash,
    srpSalt: saltHex,
    srpVerifierSealed: context.sealer.seal(verifierHex, srpVerifierContext(sub)),
    passwordChangedAt: context.clock.now(),
  };
}

export const srpVerifierContext = (sub: string) => `srp-verifier:${sub}`;

/** The username to store: a UUID (the sub) where email or phone is the username, for SignUp and AdminCreateUser alike. */
export function canonicalUsername(pool: UserPoolSettings, requested: string, attributes: Attributes, sub: string): string {
  const usernameAttributes = pool.UsernameAttributes ?? [];
  const aliases = pool.AliasAttributes ?? [];
  if (usernameAttributes.length > 0) {
    if (usernameAttributes.includes('email') && requested.includes('@')) {
      if (!/^[^\s@]+@[^\s@]+$/.test(requested)) fail('InvalidParameterException', 'Invalid email address format.');
      attributes.email ??= requested;
      if (normalizeEmail(attributes.email) !== normalizeEmail(requested)) fail('InvalidParameterException', 'Username should be the same as the email attribute.');
    } else if (usernameAttributes.includes('phone_number') && /^\+[0-9]{4,15}$/.test(requested)) {
      attributes.phone_number ??= requested;
      if (attributes.phone_number !== requested) fail('InvalidParameterException', 'Username should be the same as the phone_number attribute.');
    } else {
      fail('InvalidParameterException', `Username should be ${usernameAttributes.includes('email') ? 'an email' : 'a phone number'}.`);
    }
    return sub;
  }
  if (aliases.includes('email') && requested.includes('@')) {
    fail('InvalidParameterException', 'Username cannot be of email format, since user pool is configured for email alias.');
  }
  if (aliases.includes('phone_number') && /^\+[0-9]+$/.test(requested)) {
    fail('InvalidParameterException', 'Username cannot be of phone number format, since user pool is configured for phone number alias.');
  }
  return requested;
}

/** A new user's row, with its password stored both ways (passwordColumns). Not yet inserted. */
export async function newUser(
  context: Context,
  pool: UserPoolSettings,
  fields: { username: string; sub: string; status: UserStatus; attributes: Attributes; password: string | undefined },
): Promise<User> {
  const now = context.clock.now();
  return {
    poolId: pool.Id,
    username: fields.username,
    usernameKey: usernameKeyOf(pool, fields.username),
    sub: fields.sub,
    status: fields.status,
    enabled: true,
    attributes: fields.attributes,
    ...loginColumnsOf(pool, fields.attributes),
    // passwordChangedAt also starts a temporary password's validity (TemporaryPasswordValidityDays).
    ...(fields.password === undefined
      ? { passwordHash: null, srpSalt: null, srpVerifierSealed: null, passwordChangedAt: null }
      : await passwordColumns(context, pool, fields.username, fields.sub, fields.password)),
    failedSignIns: 0,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  };
}
