import type { AuthContext } from '../core/context.js';
import { assert } from '../errors.js';
import { codeDeliveryDetails, toAttributeType, type CodeDeliveryDetailsType } from '../sign-up/delivery.js';
import type {
  AuthCodeDeliveryDetails,
  AuthUserAttributes,
  AuthUpdateUserAttributeOutput,
  ClientMetadata,
  UpdateUserAttributesOutput,
  UserAttributeKey,
  VerifiableUserAttributeKey,
} from '../types.js';
import { callAsUser } from './access-token.js';

/**
 * The signed-in user's attributes, as `{ name: value }`.
 *
 * @example
 * const { email, email_verified } = await fetchUserAttributes();
 */
export async function fetchUserAttributes(ctx: AuthContext): Promise<AuthUserAttributes> {
  const { UserAttributes = [] } = await callAsUser<{ UserAttributes?: { Name: string; Value?: string }[] }>(ctx, 'GetUser');
  return Object.fromEntries(UserAttributes.map(({ Name, Value }) => [Name, Value]));
}

/**
 * Updates attributes. Each is DONE, or CONFIRM_ATTRIBUTE_WITH_CODE when the server sent a code
 * to verify it (a changed email or phone number).
 *
 * @example
 * const { email } = await updateUserAttributes({ userAttributes: { email: 'new@example.com' } });
 */
export async function updateUserAttributes(
  ctx: AuthContext,
  input: { userAttributes: AuthUserAttributes; options?: { clientMetadata?: ClientMetadata } },
): Promise<UpdateUserAttributesOutput> {
  const { CodeDeliveryDetailsList = [] } = await callAsUser<{ CodeDeliveryDetailsList?: CodeDeliveryDetailsType[] }>(ctx, 'UpdateUserAttributes', {
    UserAttributes: toAttributeType(input.userAttributes),
    ClientMetadata: input.options?.clientMetadata,
  });
  const output = {} as UpdateUserAttributesOutput;
  for (const key of Object.keys(input.userAttributes)) output[key] = { isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } };
  for (const details of CodeDeliveryDetailsList) {
    if (!details.AttributeName) continue;
    output[details.AttributeName] = {
      isUpdated: false,
      nextStep: { updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE', codeDeliveryDetails: codeDeliveryDetails(details) },
    };
  }
  return output;
}

/** One attribute: updateUserAttributes for a single `{ attributeKey, value }`. */
export async function updateUserAttribute(
  ctx: AuthContext,
  input: { userAttribute: { attributeKey: UserAttributeKey; value: string }; options?: { clientMetadata?: ClientMetadata } },
): Promise<AuthUpdateUserAttributeOutput> {
  const { attributeKey, value } = input.userAttribute;
  const output = await updateUserAttributes(ctx, { userAttributes: { [attributeKey]: value }, options: input.options });
  return Object.values(output)[0]!;
}

/** Sends a code to verify `email` or `phone_number`. */
export async function sendUserAttributeVerificationCode(
  ctx: AuthContext,
  input: { userAttributeKey: VerifiableUserAttributeKey; options?: { clientMetadata?: ClientMetadata } },
): Promise<AuthCodeDeliveryDetails<VerifiableUserAttributeKey>> {
  const { CodeDeliveryDetails } = await callAsUser<{ CodeDeliveryDetails?: CodeDeliveryDetailsType }>(ctx, 'GetUserAttributeVerificationCode', {
    AttributeName: input.userAttributeKey,
    ClientMetadata: input.options?.clientMetadata,
  });
  return codeDeliveryDetails(CodeDeliveryDetails);
}

/** Verifies an attribute with the code sent for it. */
export async function confirmUserAttribute(ctx: AuthContext, input: { userAttributeKey: VerifiableUserAttributeKey; confirmationCode: string }): Promise<void> {
  assert(input.confirmationCode, 'EmptyConfirmUserAttributeCode', 'confirmation code is required to confirmUserAttribute');
  await callAsUser(ctx, 'VerifyUserAttribute', { AttributeName: input.userAttributeKey, Code: input.confirmationCode });
}

/** Removes attributes from the signed-in user. */
export async function deleteUserAttributes(ctx: AuthContext, input: { userAttributeKeys: [UserAttributeKey, ...UserAttributeKey[]] }): Promise<void> {
  await callAsUser(ctx, 'DeleteUserAttributes', { UserAttributeNames: input.userAttributeKeys });
}
