import { z } from 'zod';
import { urlProblem } from '../identitypool/issuer-url.js';
import { parseRoleArn } from '../sts/roles.js';

/**
 * The config file: user pools and app clients in the members of Cognito's CreateUserPool and
 * CreateUserPoolClient requests, plus `Id` / `ClientId` / `ClientSecret` to pin identifiers.
 * Unknown keys are refused so a typo is reported instead of silently ignored.
 */
const attributeName = z.string().min(1).max(32);
const timeUnit = z.enum(['seconds', 'minutes', 'hours', 'days']);

export const passwordPolicySchema = z.strictObject({
  MinimumLength: z.number().int().min(6).max(99).optional(),
  RequireUppercase: z.boolean().optional(),
  RequireLowercase: z.boolean().optional(),
  RequireNumbers: z.boolean().optional(),
  RequireSymbols: z.boolean().optional(),
  PasswordHistorySize: z.number().int().min(0).max(24).optional(),
  TemporaryPasswordValidityDays: z.number().int().min(0).max(365).optional(),
});

export const schemaAttributeSchema = z.strictObject({
  Name: z.string().min(1).max(20),
  AttributeDataType: z.enum(['String', 'Number', 'DateTime', 'Boolean']).optional(),
  DeveloperOnlyAttribute: z.boolean().optional(),
  Mutable: z.boolean().optional(),
  Required: z.boolean().optional(),
  StringAttributeConstraints: z.strictObject({ MinLength: z.string().optional(), MaxLength: z.string().optional() }).optional(),
  NumberAttributeConstraints: z.strictObject({ MinValue: z.string().optional(), MaxValue: z.string().optional() }).optional(),
});

export const clientConfigSchema = z.strictObject({
  ClientId: z.string().regex(/^[\w+]+$/).max(128).optional(),
  ClientSecret: z.string().regex(/^[\w+]+$/).min(24).max(64).optional(),
  ClientName: z.string().regex(/^[\w\s+=,.@-]+$/).min(1).max(128),
  GenerateSecret: z.boolean().optional(),
  ExplicitAuthFlows: z
    .array(
      z.enum([
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_CUSTOM_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_AUTH',
        'ADMIN_NO_SRP_AUTH',
        'CUSTOM_AUTH_FLOW_ONLY',
        'USER_PASSWORD_AUTH',
      ]),
    )
    .optional(),
  AccessTokenValidity: z.number().int().positive().optional(),
  IdTokenValidity: z.number().int().positive().optional(),
  RefreshTokenValidity: z.number().int().positive().optional(),
  TokenValidityUnits: z
    .strictObject({ AccessToken: timeUnit.optional(), IdToken: timeUnit.optional(), RefreshToken: timeUnit.optional() })
    .optional(),
  AuthSessionValidity: z.number().int().min(3).max(15).optional(),
  PreventUserExistenceErrors: z.enum(['ENABLED', 'LEGACY']).optional(),
  EnableTokenRevocation: z.boolean().optional(),
  EnablePropagateAdditionalUserContextData: z.boolean().optional(),
  RefreshTokenRotation: z
    .strictObject({
      Feature: z.enum(['ENABLED', 'DISABLED']),
      RetryGracePeriodSeconds: z.number().int().min(0).max(60).optional(),
    })
    .optional(),
  ReadAttributes: z.array(attributeName).optional(),
  WriteAttributes: z.array(attributeName).optional(),
  CallbackURLs: z.array(z.string().url()).optional(),
  LogoutURLs: z.array(z.string().url()).optional(),
  DefaultRedirectURI: z.string().url().optional(),
  AllowedOAuthFlows: z.array(z.enum(['code', 'implicit', 'client_credentials'])).optional(),
  AllowedOAuthScopes: z.array(z.string()).optional(),
  AllowedOAuthFlowsUserPoolClient: z.boolean().optional(),
  SupportedIdentityProviders: z.array(z.string()).optional(),
});

const verifiedAttribute = z.enum(['email', 'phone_number']);

const lambdaArn = /^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/;

/** A trigger names a Lambda ARN (stored, not invocable here) or the http(s) URL of a hook Cognate POSTs the event to. */
export const triggerTarget = z
  .string()
  .max(2048)
  .refine((value) => lambdaArn.test(value) || urlProblem(value) === undefined, {
    error: (issue) => `must be a Lambda function ARN or a URL: ${urlProblem(String(issue.input))}`,
  });

const versionedTrigger = z.strictObject({ LambdaVersion: z.enum(['V1_0', 'V2_0', 'V3_0']), LambdaArn: triggerTarget });

/** Cognito's LambdaConfigType. */
export const lambdaConfigSchema = z.strictObject({
  PreSignUp: triggerTarget.optional(),
  CustomMessage: triggerTarget.optional(),
  PostConfirmation: triggerTarget.optional(),
  PreAuthentication: triggerTarget.optional(),
  PostAuthentication: triggerTarget.optional(),
  DefineAuthChallenge: triggerTarget.optional(),
  CreateAuthChallenge: triggerTarget.optional(),
  VerifyAuthChallengeResponse: triggerTarget.optional(),
  PreTokenGeneration: triggerTarget.optional(),
  UserMigration: triggerTarget.optional(),
  PreTokenGenerationConfig: versionedTrigger.optional(),
  CustomSMSSender: z.strictObject({ LambdaVersion: z.literal('V1_0'), LambdaArn: triggerTarget }).optional(),
  CustomEmailSender: z.strictObject({ LambdaVersion: z.literal('V1_0'), LambdaArn: triggerTarget }).optional(),
  KMSKeyID: z.string().max(2048).optional(),
});

/** A passkey relying party: a host name, as WebAuthn's RP ID is (no scheme, port or path). */
export const relyingPartyId = z
  .string()
  .min(1)
  .max(127)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, 'must be a host name such as example.com');

export const poolConfigSchema = z.strictObject({
  Id: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like <region>_<letters and digits>').max(55).optional(),
  PoolName: z.string().regex(/^[\w\s+=,.@-]+$/).min(1).max(128),
  Policies: z
    .strictObject({
      PasswordPolicy: passwordPolicySchema.optional(),
      SignInPolicy: z.strictObject({ AllowedFirstAuthFactors: z.array(z.enum(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN', 'SOFTWARE_TOKEN'])).min(1).max(5) }).optional(),
    })
    .optional(),
  UsernameAttributes: z.array(verifiedAttribute).optional(),
  AliasAttributes: z.array(z.enum(['email', 'phone_number', 'preferred_username'])).optional(),
  AutoVerifiedAttributes: z.array(verifiedAttribute).optional(),
  UsernameConfiguration: z.strictObject({ CaseSensitive: z.boolean() }).optional(),
  Schema: z.array(schemaAttributeSchema).optional(),
  MfaConfiguration: z.enum(['OFF', 'ON', 'OPTIONAL']).optional(),
  SmsMfaConfiguration: z
    .strictObject({
      SmsAuthenticationMessage: z.string().max(140).optional(),
      SmsConfiguration: z.strictObject({ SnsCallerArn: z.string().optional(), ExternalId: z.string().optional(), SnsRegion: z.string().optional() }).optional(),
    })
    .optional(),
  SoftwareTokenMfaConfiguration: z.strictObject({ Enabled: z.boolean().optional() }).optional(),
  EmailMfaConfiguration: z.strictObject({ Message: z.string().max(20000).optional(), Subject: z.string().max(140).optional() }).optional(),
  WebAuthnConfiguration: z
    .strictObject({
      RelyingPartyId: relyingPartyId.optional(),
      UserVerification: z.enum(['required', 'preferred']).optional(),
      FactorConfiguration: z.enum(['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION']).optional(),
    })
    .optional(),
  AccountRecoverySetting: z
    .strictObject({
      RecoveryMechanisms: z.array(
        z.strictObject({
          Name: z.enum(['verified_email', 'verified_phone_number', 'admin_only']),
          Priority: z.number().int().min(1).max(2),
        }),
      ),
    })
    .optional(),
  DeviceConfiguration: z
    .strictObject({
      ChallengeRequiredOnNewDevice: z.boolean().optional(),
      DeviceOnlyRememberedOnUserPrompt: z.boolean().optional(),
    })
    .optional(),
  UserAttributeUpdateSettings: z
    .strictObject({ AttributesRequireVerificationBeforeUpdate: z.array(verifiedAttribute).optional() })
    .optional(),
  VerificationMessageTemplate: z
    .strictObject({
      DefaultEmailOption: z.enum(['CONFIRM_WITH_CODE', 'CONFIRM_WITH_LINK']).optional(),
      EmailMessage: z.string().max(20000).optional(),
      EmailSubject: z.string().max(140).optional(),
      SmsMessage: z.string().max(140).optional(),
    })
    .optional(),
  EmailConfiguration: z
    .strictObject({
      SourceArn: z.string().optional(),
      From: z.string().optional(),
      ReplyToEmailAddress: z.string().optional(),
      EmailSendingAccount: z.enum(['COGNITO_DEFAULT', 'DEVELOPER']).optional(),
    })
    .optional(),
  AdminCreateUserConfig: z
    .strictObject({
      AllowAdminCreateUserOnly: z.boolean().optional(),
      UnusedAccountValidityDays: z.number().int().optional(),
      InviteMessageTemplate: z
        .strictObject({ EmailMessage: z.string().max(20000).optional(), EmailSubject: z.string().max(140).optional(), SMSMessage: z.string().max(140).optional() })
        .optional(),
    })
    .optional(),
  DeletionProtection: z.enum(['ACTIVE', 'INACTIVE']).optional(),
  LambdaConfig: lambdaConfigSchema.optional(),
  UserPoolTags: z.record(z.string(), z.string()).optional(),
  Clients: z.array(clientConfigSchema).optional(),
});

/** A key that may sign admin (SigV4) operations: what the AWS SDK is given as `credentials`. */
export const adminCredentialSchema = z.strictObject({
  // The access key id is one element of the slash-separated credential scope.
  AccessKeyId: z.string().regex(/^\w+$/, 'must be letters, digits and underscores').max(128),
  SecretAccessKey: z.string().min(1).max(128),
});

const adminCredentialsSchema = z.array(adminCredentialSchema).superRefine((credentials, context) => {
  credentials.forEach((credential, index) => {
    if (credentials.findIndex((other) => other.AccessKeyId === credential.AccessKeyId) < index) {
      context.addIssue({ code: 'custom', path: [index, 'AccessKeyId'], message: 'is listed twice' });
    }
  });
});

/** An OpenID Connect provider as IAM's CreateOpenIDConnectProvider declares it; pools name it by ARN. */
export const openIdConnectProviderConfigSchema = z.strictObject({
  Url: z.string().refine((url) => urlProblem(url) === undefined, { error: (issue) => urlProblem(String(issue.input)) }),
  ClientIDList: z.array(z.string().min(1).max(255)).min(1),
  ThumbprintList: z.array(z.string().regex(/^[0-9a-fA-F]{40}$/)).optional(),
});

const identityArn = z.string().regex(/^arn:[\w-]+:[\w-]+:[\w-]*:(\d{12})?:.+$/, 'must be an ARN').max(2048);

/** An identity pool in the members of CreateIdentityPool, plus `Id` to pin it and its roles. */
export const identityPoolConfigSchema = z.strictObject({
  Id: z.string().regex(/^[\w-]+:[0-9a-f-]+$/, 'must look like <region>:<uuid>').max(55).optional(),
  IdentityPoolName: z.string().regex(/^[\w\s+=,.@-]+$/).min(1).max(128),
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders: z.record(z.string().min(1).max(128), z.string().min(1).max(128)).optional(),
  DeveloperProviderName: z.string().regex(/^[\w._-]+$/).min(1).max(128).optional(),
  OpenIdConnectProviderARNs: z.array(identityArn).optional(),
  CognitoIdentityProviders: z
    .array(
      z.strictObject({
        ProviderName: z.string().regex(/^[\w._:/-]+$/).min(1).max(128),
        ClientId: z.string().regex(/^\w+$/).min(1).max(128).optional(),
        ServerSideTokenCheck: z.boolean().optional(),
      }),
    )
    .optional(),
  SamlProviderARNs: z.array(identityArn).optional(),
  IdentityPoolTags: z.record(z.string(), z.string()).optional(),
  Roles: z.strictObject({ authenticated: identityArn.optional(), unauthenticated: identityArn.optional() }).optional(),
  RoleMappings: z
    .record(
      z.string().min(1).max(128),
      z.strictObject({
        Type: z.enum(['Token', 'Rules']),
        AmbiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']).optional(),
        RulesConfiguration: z
          .strictObject({
            Rules: z
              .array(
                z.strictObject({
                  Claim: z.string().min(1).max(64),
                  MatchType: z.enum(['Equals', 'Contains', 'StartsWith', 'NotEqual']),
                  Value: z.string().min(1).max(128),
                  RoleARN: identityArn,
                }),
              )
              .min(1)
              .max(25),
          })
          .optional(),
      }),
    )
    .optional(),
});

const policyStatementSchema = z.looseObject({
  Effect: z.enum(['Allow', 'Deny']),
  Action: z.union([z.string(), z.array(z.string())]).optional(),
  NotAction: z.union([z.string(), z.array(z.string())]).optional(),
  Resource: z.union([z.string(), z.array(z.string())]).optional(),
  NotResource: z.union([z.string(), z.array(z.string())]).optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))).optional(),
});

/** A policy document as IAM takes it, as JSON or as its text. */
const policyDocumentSchema = z.preprocess(
  (document) => {
    if (typeof document !== 'string') return document;
    try {
      return JSON.parse(document) as unknown;
    } catch {
      return document;
    }
  },
  z.looseObject({
    Version: z.enum(['2012-10-17', '2008-10-17']).optional(),
    Statement: z.union([policyStatementSchema, z.array(policyStatementSchema).min(1)]),
  }),
);

/** An IAM role the identity pools vend credentials for, with its inline policies (IAM's PutRolePolicy members). */
export const roleConfigSchema = z.strictObject({
  RoleArn: z.string().refine((arn) => parseRoleArn(arn) !== undefined, 'must be an IAM role ARN such as arn:aws:iam::000000000000:role/name'),
  Policies: z
    .array(z.strictObject({ PolicyName: z.string().regex(/^[\w+=,.@-]+$/).min(1).max(128), PolicyDocument: policyDocumentSchema }))
    .superRefine((policies, context) => {
      policies.forEach((policy, index) => {
        if (policies.findIndex((other) => other.PolicyName === policy.PolicyName) < index) {
          context.addIssue({ code: 'custom', path: [index, 'PolicyName'], message: 'is listed twice' });
        }
      });
    }),
});

export const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  Region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region name such as us-east-1').optional(),
  AdminCredentials: adminCredentialsSchema.optional(),
  UserPools: z.array(poolConfigSchema).optional(),
  OpenIdConnectProviders: z.array(openIdConnectProviderConfigSchema).optional(),
  IdentityPools: z.array(identityPoolConfigSchema).optional(),
  Roles: z.array(roleConfigSchema).optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
export type PoolConfig = z.infer<typeof poolConfigSchema>;
export type ClientConfig = z.infer<typeof clientConfigSchema>;
export type LambdaConfig = z.infer<typeof lambdaConfigSchema>;
export type AdminCredential = z.infer<typeof adminCredentialSchema>;
export type IdentityPoolConfig = z.infer<typeof identityPoolConfigSchema>;
export type OpenIdConnectProviderConfig = z.infer<typeof openIdConnectProviderConfigSchema>;
export type RoleConfig = z.infer<typeof roleConfigSchema>;
