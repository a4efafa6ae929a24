import { z } from 'zod';

/** Member shapes of the identity-pool operations, with the constraints of Cognito Identity's API model. */
export const identityPoolId = z.string().min(1).max(55).regex(/^[\w-]+:[0-9a-f-]+$/);
export const identityId = z.string().min(1).max(55).regex(/^[\w-]+:[0-9a-f-]+$/);
export const identityPoolName = z.string().min(1).max(128).regex(/^[\w\s+=,.@-]+$/);
export const developerProviderName = z.string().min(1).max(128).regex(/^[\w._-]+$/);
export const developerUserIdentifier = z.string().min(1).max(1024);
export const arn = z.string().min(20).max(2048).regex(/^arn:[A-Za-z0-9-]+:[A-Za-z0-9-]+:[A-Za-z0-9_/-]*:(\d{12})?:.+$/);
export const providerName = z.string().min(1).max(128);
export const logins = z.record(providerName, z.string().min(1).max(50000)).refine((map) => Object.keys(map).length <= 10, 'Member must have length less than or equal to 10');
export const maxResults = z.number().int().min(1).max(60);
export const nextToken = z.string().min(1).max(65535).regex(/^[\S]+$/);
export const tags = z.record(z.string().min(1).max(128), z.string().max(256));

export const cognitoIdentityProvider = z.object({
  ProviderName: z.string().min(1).max(128).regex(/^[\w._:/-]+$/).optional(),
  ClientId: z.string().min(1).max(128).regex(/^[\w_]+$/).optional(),
  ServerSideTokenCheck: z.boolean().optional(),
});

/** CreateIdentityPool's members; UpdateIdentityPool takes them with the pool id. */
export const identityPoolMembers = {
  IdentityPoolName: identityPoolName,
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders: z.record(providerName, z.string().min(1).max(128).regex(/^[\w.;_/-]+$/)).optional(),
  DeveloperProviderName: developerProviderName.optional(),
  OpenIdConnectProviderARNs: z.array(arn).optional(),
  CognitoIdentityProviders: z.array(cognitoIdentityProvider).optional(),
  SamlProviderARNs: z.array(arn).optional(),
  IdentityPoolTags: tags.optional(),
};

export const roles = z.strictObject({ authenticated: arn.optional(), unauthenticated: arn.optional() });

export const roleMapping = z.object({
  Type: z.enum(['Token', 'Rules']),
  AmbiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']).optional(),
  RulesConfiguration: z
    .object({
      Rules: z
        .array(
          z.object({
            Claim: z.string().min(1).max(64).regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u),
            MatchType: z.enum(['Equals', 'Contains', 'StartsWith', 'NotEqual']),
            Value: z.string().min(1).max(128),
            RoleARN: arn,
          }),
        )
        .min(1)
        .max(25),
    })
    .optional(),
});

export const roleMappings = z.record(providerName, roleMapping).refine((map) => Object.keys(map).length <= 10, 'Member must have length less than or equal to 10');
