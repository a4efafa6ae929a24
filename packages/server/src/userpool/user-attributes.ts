import { fail } from '../errors.js';
import { uniqueViolation } from '../store/unique-violation.js';
import { userStore, type User } from '../store/users.js';
import { userForAccessToken } from './access-token-user.js';
import { checkAttributes } from './attribute-rules.js';
import type { AttributeType, Attributes } from './attributes.js';
import { consumeCode, issueCode } from './codes.js';
import type { Context } from './context.js';
import type { UserPoolSettings, VerifiedAttribute } from './pool.js';
import { sendVerificationCode, type CodeDeliveryDetails } from './send-code.js';
import { loginColumnsOf } from './users.js';

const verifiable: VerifiedAttribute[] = ['email', 'phone_number'];
const unwritable = new Set(['sub', 'email_verified', 'phone_number_verified']);

/**
 * UpdateUserAttributes. A changed email or phone number is unverified until its code comes back; when
 * the pool keeps the old value until then (AttributesRequireVerificationBeforeUpdate), the new
 * value waits in the code's payload.
 */
export async function updateUserAttributes(context: Context, accessToken: string, list: AttributeType[]): Promise<{ CodeDeliveryDetailsList: CodeDeliveryDetails[] }> {
  const { user, pool } = await userForAccessToken(context, accessToken);
  if (list.some((a) => unwritable.has(a.Name))) fail('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  const changes = checkAttributes(pool, list);
  const attributes: Attributes = { ...user.attributes };
  const pending: Array<{ attribute: VerifiedAttribute; value: string }> = [];
  const keepUntilVerified = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  for (const [name, value] of Object.entries(changes)) {
    const attribute = verifiable.find((v) => v === name);
    if (attribute && value !== user.attributes[name]) {
      pending.push({ attribute, value });
      if (keepUntilVerified.includes(attribute) && user.attributes[`${attribute}_verified`] === 'true') continue;
      attributes[`${attribute}_verified`] = 'false';
    }
    attributes[name] = value;
  }
  await saveAttributes(context, pool, user, attributes);

  const CodeDeliveryDetailsList: CodeDeliveryDetails[] = [];
  for (const { attribute, value } of pending.filter((p) => (pool.AutoVerifiedAttributes ?? []).includes(p.attribute))) {
    const code = await issueCode(context, user, `verify:${attribute}`, value);
    CodeDeliveryDetailsList.push(await sendVerificationCode(context, pool, user, attribute, value, code));
  }
  return { CodeDeliveryDetailsList };
}

/** GetUserAttributeVerificationCode: a code to the email or phone number the user has now. */
export async function getUserAttributeVerificationCode(context: Context, accessToken: string, name: string): Promise<CodeDeliveryDetails> {
  const { user, pool } = await userForAccessToken(context, accessToken);
  const attribute = verifiable.find((v) => v === name);
  const value = user.attributes[name];
  if (!attribute || value === undefined) return fail('InvalidParameterException', `Invalid attribute name: ${name} has no value to verify.`);
  const code = await issueCode(context, user, `verify:${attribute}`, value);
  return sendVerificationCode(context, pool, user, attribute, value, code);
}

/** VerifyUserAttribute: the code proves the value it was sent to, which becomes the verified one. */
export async function verifyUserAttribute(context: Context, accessToken: string, name: string, code: string): Promise<void> {
  const { user, pool } = await userForAccessToken(context, accessToken);
  const attribute = verifiable.find((v) => v === name);
  if (!attribute) return fail('InvalidParameterException', `Invalid attribute name: ${name} cannot be verified.`);
  const value = (await consumeCode(context, user, `verify:${attribute}`, code)) ?? user.attributes[attribute];
  if (value === undefined) return;
  await saveAttributes(context, pool, user, { ...user.attributes, [attribute]: value, [`${attribute}_verified`]: 'true' });
}

async function saveAttributes(context: Context, pool: UserPoolSettings, user: User, attributes: Attributes): Promise<void> {
  try {
    await userStore.update(context.db, user, { attributes, ...loginColumnsOf(pool, attributes), updatedAt: context.clock.now() });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === undefined) throw error;
    fail('AliasExistsException', `An account with the given ${constraint.includes('phone') ? 'phone_number' : 'email'} already exists.`);
  }
}

/** DeleteUserAttributes: required attributes and the identifier the user signs in with stay. */
export async function deleteUserAttributes(context: Context, accessToken: string, names: string[]): Promise<void> {
  const { user, pool } = await userForAccessToken(context, accessToken);
  const attributes: Attributes = { ...user.attributes };
  for (const name of names) {
    if (name === 'sub' || pool.SchemaAttributes.some((a) => a.Required && a.Name === name) || (pool.UsernameAttributes ?? []).some((a) => a === name)) {
      fail('InvalidParameterException', `Cannot delete the required attribute ${name}.`);
    }
    delete attributes[name];
    if (name === 'email' || name === 'phone_number') delete attributes[`${name}_verified`];
  }
  await saveAttributes(context, pool, user, attributes);
}
