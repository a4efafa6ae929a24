import { fail } from '../errors.js';
import { uniqueViolation } from '../store/unique-violation.js';
import { userStore, type User } from '../store/users.js';
import { checkAttributes, checkRequiredAttributes } from './attribute-rules.js';
import { normalizeEmail, type AttributeType } from './attributes.js';
import { assertSecretHash, resolveClient } from './clients.js';
import { issueCode } from './codes.js';
import type { Context } from './context.js';
import { assertPasswordPolicy } from './password-policy.js';
import { sendVerificationCode, signUpCodeTarget, type CodeDeliveryDetails } from './send-code.js';
import { loginColumnsOf, passwordColumns, usernameKeyOf } from './users.js';

export interface SignUpRequest {
  ClientId: string;
  Username: string;
  Password?: string | undefined;
  SecretHash?: string | undefined;
  UserAttributes?: AttributeType[] | undefined;
}

export interface SignUpResult {
  UserConfirmed: boolean;
  UserSub: string;
  CodeDeliveryDetails?: CodeDeliveryDetails;
}

/**
 * Registers an UNCONFIRMED user and sends the confirmation code. The user row is committed before
 * the code goes out: a failed delivery leaves a user who can ask for the code again.
 */
export async function signUp(context: Context, request: SignUpRequest): Promise<SignUpResult> {
  const { client, pool } = await resolveClient(context, request.ClientId);
  assertSecretHash(client, [request.Username], request.SecretHash);
  if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) fail('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  if (request.Password === undefined) fail('InvalidParameterException', 'Password is required for this user pool.');
  const password = request.Password!;
  assertPasswordPolicy(pool.Policies.PasswordPolicy, password, 'sign-up');

  const attributes = checkAttributes(pool, request.UserAttributes ?? []);
  delete attributes.email_verified;
  delete attributes.phone_number_verified;
  const sub = context.random.uuid();
  let username = request.Username;
  const usernameAttributes = pool.UsernameAttributes ?? [];
  if (usernameAttributes.length > 0) {
    // Email or phone as username: the identifier becomes an attribute and the username a UUID.
    if (usernameAttributes.includes('email') && request.Username.includes('@')) {
      if (!/^[^\s@]+@[^\s@]+$/.test(request.Username)) fail('InvalidParameterException', 'Invalid email address format.');
      attributes.email ??= request.Username;
      if (normalizeEmail(attributes.email) !== normalizeEmail(request.Username)) fail('InvalidParameterException', 'Username should be the same as the email attribute.');
    } else if (usernameAttributes.includes('phone_number') && /^\+[0-9]{4,15}$/.test(request.Username)) {
      attributes.phone_number ??= request.Username;
    } else {
      fail('InvalidParameterException', `Username should be ${usernameAttributes.includes('email') ? 'an email' : 'a phone number'}.`);
    }
    username = sub;
  } else if ((pool.AliasAttributes ?? []).includes('email') && request.Username.includes('@')) {
    fail('InvalidParameterException', 'Username cannot be of email format, since user pool is configured for email alias.');
  } else if ((pool.AliasAttributes ?? []).includes('phone_number') && /^\+[0-9]+$/.test(request.Username)) {
    fail('InvalidParameterException', 'Username cannot be of phone number format, since user pool is configured for phone number alias.');
  }
  checkRequiredAttributes(pool, attributes);

  const now = context.clock.now();
  const user: User = {
    poolId: pool.Id,
    username,
    usernameKey: usernameKeyOf(pool, username),
    sub,
    status: 'UNCONFIRMED',
    enabled: true,
    attributes,
    ...loginColumnsOf(pool, attributes),
    ...(await passwordColumns(context, pool, username, sub, password)),
    failedSignIns: 0,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await userStore.insert(context.db, user);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === undefined) throw error;
    if (constraint.includes('email')) fail('UsernameExistsException', 'An account with the given email already exists.');
    if (constraint.includes('phone')) fail('UsernameExistsException', 'An account with the given phone_number already exists.');
    fail('UsernameExistsException', 'User already exists');
  }

  const target = signUpCodeTarget(pool, attributes);
  if (!target) return { UserConfirmed: false, UserSub: sub };
  const code = await issueCode(context, user, 'sign-up');
  const CodeDeliveryDetails = await sendVerificationCode(context, pool, user, target.attribute, target.destination, code);
  return { UserConfirmed: false, UserSub: sub, CodeDeliveryDetails };
}
