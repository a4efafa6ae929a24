import { fail } from '../../errors.js';
import { uniqueViolation } from '../../store/unique-violation.js';
import { userStore, type User } from '../../store/users.js';
import { checkAttributes, checkRequiredAttributes } from '../attribute-rules.js';
import { attributeWireName, isKnownAttribute, type AttributeType, type Attributes } from '../attributes.js';
import { issueCode } from '../codes.js';
import type { Context } from '../context.js';
import type { UserPoolSettings, VerifiedAttribute } from '../pool.js';
import { sendVerificationCode } from '../send-code.js';
import { loginColumnsOf } from '../users.js';
import { adminUser, type AdminUserRequest } from './users.js';

const verifiable: VerifiedAttribute[] = ['email', 'phone_number'];

/** Admins may set the verified flags; any spelling of true or false is stored as Cognito shows it. */
export function normalizeVerifiedFlags(attributes: Attributes): Attributes {
  for (const attribute of verifiable) {
    const flag = attributes[`${attribute}_verified`];
    if (flag !== undefined) attributes[`${attribute}_verified`] = flag.toLowerCase() === 'true' ? 'true' : 'false';
  }
  return attributes;
}

/**
 * AdminUpdateUserAttributes. A blank value deletes the attribute. A changed email or phone number is
 * verified at once when the request also sets its flag to true; otherwise it is unverified (or, with
 * AttributesRequireVerificationBeforeUpdate, kept at its old value) until the code sent to the new
 * value comes back, as with UpdateUserAttributes.
 */
export async function adminUpdateUserAttributes(context: Context, request: AdminUserRequest & { UserAttributes: AttributeType[] }): Promise<void> {
  const { pool, user } = await adminUser(context, request);
  const blank = request.UserAttributes.filter((a) => !a.Value).map((a) => a.Name);
  const changes = normalizeVerifiedFlags(checkAttributes(pool, request.UserAttributes.filter((a) => a.Value)));
  assertMutable(pool, user, Object.keys(changes).filter((name) => changes[name] !== user.attributes[name]));
  const attributes = withoutAttributes(pool, user.attributes, blank);
  const pending: Array<{ attribute: VerifiedAttribute; value: string }> = [];
  const keepUntilVerified = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  for (const [name, value] of Object.entries(changes)) {
    const attribute = verifiable.find((v) => v === name);
    if (attribute && value !== user.attributes[name] && changes[`${attribute}_verified`] !== 'true') {
      pending.push({ attribute, value });
      if (keepUntilVerified.includes(attribute) && user.attributes[`${attribute}_verified`] === 'true') continue;
      attributes[`${attribute}_verified`] = changes[`${attribute}_verified`] ?? 'false';
    }
    attributes[name] = value;
  }
  await saveAttributes(context, pool, user, attributes);
  for (const { attribute, value } of pending.filter((p) => (pool.AutoVerifiedAttributes ?? []).includes(p.attribute))) {
    const code = await issueCode(context, user, `verify:${attribute}`, value);
    await sendVerificationCode(context, pool, user, attribute, value, code);
  }
}

/** AdminDeleteUserAttributes: an email or phone number takes its verified flag with it. */
export async function adminDeleteUserAttributes(context: Context, request: AdminUserRequest & { UserAttributeNames: string[] }): Promise<void> {
  const { pool, user } = await adminUser(context, request);
  await saveAttributes(context, pool, user, withoutAttributes(pool, user.attributes, request.UserAttributeNames));
}

function withoutAttributes(pool: UserPoolSettings, current: Attributes, names: string[]): Attributes {
  const attributes = { ...current };
  for (const name of names) {
    if (!isKnownAttribute(pool.SchemaAttributes, name)) {
      fail('InvalidParameterException', `Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
    }
    if (name === 'sub') fail('InvalidParameterException', 'Attributes did not conform to the schema: sub: Attribute cannot be updated.');
    delete attributes[name];
    if ((verifiable as string[]).includes(name)) delete attributes[`${name}_verified`];
  }
  if (names.length > 0) checkRequiredAttributes(pool, attributes);
  return attributes;
}

/** Schema attributes declared with Mutable false keep the value they were created with. */
function assertMutable(pool: UserPoolSettings, user: User, changed: string[]): void {
  for (const schemaAttribute of pool.SchemaAttributes) {
    const name = attributeWireName(schemaAttribute);
    if (schemaAttribute.Mutable === false && changed.includes(name) && user.attributes[name] !== undefined) {
      fail('InvalidParameterException', `Attributes did not conform to the schema: ${name}: Attribute cannot be updated. (changing an immutable attribute)`);
    }
  }
}

async function saveAttributes(context: Context, pool: UserPoolSettings, user: User, attributes: Attributes): Promise<void> {
  try {
    await userStore.update(context.db, user, { attributes, ...loginColumnsOf(pool, attributes), updatedAt: context.clock.now() });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === undefined) throw error;
    const attribute = constraint.includes('phone') ? 'phone_number' : constraint.includes('preferred') ? 'preferred_username' : 'email';
    fail('AliasExistsException', `An account with the given ${attribute} already exists.`);
  }
}
