import type { Dated } from '../../store/pools.js';
import { attributeWireName, standardAttributeNames } from '../attributes.js';
import { regionOf, type SchemaAttribute, type UserPoolSettings } from '../pool.js';
import { epochSecondsWithFraction } from './user-type.js';

/** The account id Cognate's ARNs carry: there are no AWS accounts here. */
const accountId = '000000000000';

export const poolArn = (poolId: string) => `arn:aws:cognito-idp:${regionOf(poolId)}:${accountId}:userpool/${poolId}`;

type StandardName = (typeof standardAttributeNames)[number] | 'sub';

/** Every pool has the standard attributes; DescribeUserPool lists them in this order, then the custom ones. */
const standardOrder: StandardName[] = [
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
];

function standardAttribute(name: StandardName): SchemaAttribute {
  const base = { Name: name, DeveloperOnlyAttribute: false, Mutable: name !== 'sub', Required: name === 'sub' };
  if (name === 'email_verified' || name === 'phone_number_verified') return { ...base, AttributeDataType: 'Boolean' };
  if (name === 'updated_at') return { ...base, AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0' } };
  const length = name === 'sub' ? { MinLength: '1', MaxLength: '2048' } : name === 'birthdate' ? { MinLength: '10', MaxLength: '10' } : { MinLength: '0', MaxLength: '2048' };
  return { ...base, AttributeDataType: 'String', StringAttributeConstraints: length };
}

const isStandard = (name: string): name is StandardName => (standardOrder as string[]).includes(name);

function customAttribute(declared: SchemaAttribute): SchemaAttribute {
  const type = declared.AttributeDataType ?? 'String';
  return {
    Name: attributeWireName(declared),
    AttributeDataType: type,
    DeveloperOnlyAttribute: declared.DeveloperOnlyAttribute ?? false,
    Mutable: declared.Mutable ?? true,
    Required: declared.Required ?? false,
    ...(type === 'String' ? { StringAttributeConstraints: declared.StringAttributeConstraints ?? {} } : {}),
    ...(type === 'Number' ? { NumberAttributeConstraints: declared.NumberAttributeConstraints ?? {} } : {}),
  };
}

/** The pool's schema as DescribeUserPool lists it: the declared entries refine the standard ones. */
export function schemaAttributesOf(declared: SchemaAttribute[]): SchemaAttribute[] {
  const standard = standardOrder.map((name) => {
    const refined = declared.find((a) => a.Name === name);
    return refined ? { ...standardAttribute(name), ...refined } : standardAttribute(name);
  });
  return [...standard, ...declared.filter((a) => !isStandard(a.Name)).map(customAttribute)];
}

/** UserPoolType: the stored settings with the members Cognito fills in when a request left them out. */
export function describePool(pool: Dated<UserPoolSettings>, estimatedNumberOfUsers: number): object {
  const { SmsMfaConfiguration, SoftwareTokenMfaConfiguration: _totp, EmailMfaConfiguration: _email, WebAuthnConfiguration: _webAuthn, SchemaAttributes, ...settings } = pool.value;
  return {
    ...settings,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] }, ...settings.Policies },
    DeletionProtection: settings.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: settings.LambdaConfig ?? {},
    SchemaAttributes: schemaAttributesOf(SchemaAttributes),
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE', ...settings.VerificationMessageTemplate },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [], ...settings.UserAttributeUpdateSettings },
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT', ...settings.EmailConfiguration },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7, ...settings.AdminCreateUserConfig },
    UserPoolTags: settings.UserPoolTags ?? {},
    ...SmsMfaConfiguration,
    EstimatedNumberOfUsers: estimatedNumberOfUsers,
    UserPoolTier: 'ESSENTIALS',
    Arn: poolArn(settings.Id),
    CreationDate: epochSecondsWithFraction(pool.createdAt),
    LastModifiedDate: epochSecondsWithFraction(pool.updatedAt),
  };
}

/** UserPoolDescriptionType, as ListUserPools answers each pool. */
export const summarizePool = (pool: Dated<UserPoolSettings>) => ({
  Id: pool.value.Id,
  Name: pool.value.Name,
  LambdaConfig: pool.value.LambdaConfig ?? {},
  CreationDate: epochSecondsWithFraction(pool.createdAt),
  LastModifiedDate: epochSecondsWithFraction(pool.updatedAt),
});
