import type { LambdaConfig } from '../config/schema.js';

/**
 * A user pool's settings, in the members of Cognito's UserPoolType: what the config declares, what
 * CreateUserPool takes and what DescribeUserPool answers are one shape.
 */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  PasswordHistorySize?: number;
  TemporaryPasswordValidityDays: number;
}

export interface SchemaAttribute {
  Name: string;
  AttributeDataType?: 'String' | 'Number' | 'DateTime' | 'Boolean';
  DeveloperOnlyAttribute?: boolean;
  Mutable?: boolean;
  Required?: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

/** What a USER_AUTH sign-in may start with (SignInPolicyType); PASSWORD is always among them. */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

export type UsernameAttribute = 'email' | 'phone_number';
export type AliasAttribute = 'email' | 'phone_number' | 'preferred_username';
export type VerifiedAttribute = 'email' | 'phone_number';

export interface UserPoolSettings {
  Id: string;
  Name: string;
  Policies: { PasswordPolicy: PasswordPolicy; SignInPolicy?: { AllowedFirstAuthFactors: FirstAuthFactor[] } };
  UsernameAttributes?: UsernameAttribute[];
  AliasAttributes?: AliasAttribute[];
  AutoVerifiedAttributes?: VerifiedAttribute[];
  UsernameConfiguration: { CaseSensitive: boolean };
  SchemaAttributes: SchemaAttribute[];
  MfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  AccountRecoverySetting?: { RecoveryMechanisms: Array<{ Name: string; Priority: number }> };
  DeviceConfiguration?: { ChallengeRequiredOnNewDevice?: boolean; DeviceOnlyRememberedOnUserPrompt?: boolean };
  UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate?: VerifiedAttribute[] };
  VerificationMessageTemplate?: {
    DefaultEmailOption?: 'CONFIRM_WITH_CODE' | 'CONFIRM_WITH_LINK';
    EmailMessage?: string;
    EmailSubject?: string;
    SmsMessage?: string;
  };
  EmailConfiguration?: { SourceArn?: string; From?: string; ReplyToEmailAddress?: string; EmailSendingAccount?: string };
  AdminCreateUserConfig?: {
    AllowAdminCreateUserOnly?: boolean;
    UnusedAccountValidityDays?: number;
    InviteMessageTemplate?: { EmailMessage?: string; EmailSubject?: string; SMSMessage?: string };
  };
  DeletionProtection?: 'ACTIVE' | 'INACTIVE';
  /** The triggers: hook URLs Cognate calls, or Lambda ARNs it keeps but cannot invoke. */
  LambdaConfig?: LambdaConfig;
  UserPoolTags?: Record<string, string>;
  /** What SetUserPoolMfaConfig stores; GetUserPoolMfaConfig answers them. */
  SmsMfaConfiguration?: SmsMfaConfig;
  SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
  /** Passkeys: what SetUserPoolMfaConfig stores as WebAuthnConfiguration (see userpool/passkeys/relying-party.ts). */
  WebAuthnConfiguration?: WebAuthnConfig;
}

export interface WebAuthnConfig {
  RelyingPartyId?: string;
  UserVerification?: 'required' | 'preferred';
  FactorConfiguration?: 'SINGLE_FACTOR' | 'MULTI_FACTOR_WITH_USER_VERIFICATION';
}

export interface SmsMfaConfig {
  SmsAuthenticationMessage?: string;
  SmsConfiguration?: { SnsCallerArn?: string; ExternalId?: string; SnsRegion?: string };
}

export const defaultPasswordPolicy: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** The pool id's suffix: SRP hashes it in, so it is fixed for the life of the pool. */
export const srpPoolName = (poolId: string): string => poolId.slice(poolId.indexOf('_') + 1);

export const regionOf = (poolId: string): string => poolId.slice(0, poolId.indexOf('_'));
