import type { Context } from '../userpool/context.js';

/** A setting the API answers with InvalidParameterException (`reason`) and a config names by its member. */
export class IdentityPoolSettingError extends Error {
  constructor(
    readonly member: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A user pool an identity pool trusts: ID tokens of its listed app clients sign users in. */
export interface CognitoIdentityProviderEntry {
  ProviderName?: string;
  ClientId?: string;
  ServerSideTokenCheck?: boolean;
}

export interface MappingRule {
  Claim: string;
  MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  Value: string;
  RoleARN: string;
}

export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: MappingRule[] };
}

/** Cognito's IdentityPool type: what CreateIdentityPool takes and DescribeIdentityPool answers. */
export interface IdentityPoolSettings {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: CognitoIdentityProviderEntry[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

export type RoleType = 'authenticated' | 'unauthenticated';

/** What SetIdentityPoolRoles sets and GetIdentityPoolRoles answers. */
export interface IdentityPoolRoles {
  Roles: Partial<Record<RoleType, string>>;
  RoleMappings?: Record<string, RoleMapping>;
}

/** One stored document per pool: its settings and its roles. */
export type IdentityPool = IdentityPoolSettings & IdentityPoolRoles;

export type IdentityPoolRequest = Omit<IdentityPoolSettings, 'IdentityPoolId'>;

const oidcArn = /^arn:aws:iam::\d{12}:oidc-provider\/(.+)$/;

/** `arn:aws:iam::<account>:oidc-provider/<host and path>` → host and path: the Logins key of its tokens. */
export const oidcProviderUrlOfArn = (arn: string): string | undefined => oidcArn.exec(arn)?.[1];

/** The pool's settings from a request; roles stay as they were (SetIdentityPoolRoles sets them). */
export function identityPoolFromRequest(request: IdentityPoolRequest, id: string, existing?: IdentityPool): IdentityPool {
  if (existing?.DeveloperProviderName && request.DeveloperProviderName !== undefined && request.DeveloperProviderName !== existing.DeveloperProviderName) {
    throw new IdentityPoolSettingError('DeveloperProviderName', 'The developer provider name cannot be changed once it is set.');
  }
  for (const arn of request.OpenIdConnectProviderARNs ?? []) {
    if (!oidcProviderUrlOfArn(arn)) throw new IdentityPoolSettingError('OpenIdConnectProviderARNs', `${arn} is not the ARN of an OpenID Connect provider.`);
  }
  const settings: IdentityPool = {
    IdentityPoolId: id,
    AllowClassicFlow: false,
    ...request,
    DeveloperProviderName: request.DeveloperProviderName ?? existing?.DeveloperProviderName,
    Roles: existing?.Roles ?? {},
    RoleMappings: existing?.RoleMappings,
  };
  return JSON.parse(JSON.stringify(settings)) as IdentityPool;
}

/** Roles for the pool; every mapping must name a provider the pool trusts (user pools with `:<app client id>`). */
export function withRoles(pool: IdentityPool, roles: IdentityPoolRoles): IdentityPool {
  for (const [provider, mapping] of Object.entries(roles.RoleMappings ?? {})) {
    if (!mappableProviders(pool).has(provider)) {
      throw new IdentityPoolSettingError('RoleMappings', `${provider} is not a valid RoleMapping ProviderName or is not a configured provider.`);
    }
    if (mapping.Type === 'Rules' && !mapping.RulesConfiguration?.Rules.length) {
      throw new IdentityPoolSettingError('RoleMappings', `RulesConfiguration is required for the Rules mapping of ${provider}.`);
    }
    if (!mapping.AmbiguousRoleResolution) throw new IdentityPoolSettingError('RoleMappings', `AmbiguousRoleResolution is required for the mapping of ${provider}.`);
  }
  const { RoleMappings: _previous, ...rest } = pool;
  return { ...rest, Roles: roles.Roles, ...(roles.RoleMappings && Object.keys(roles.RoleMappings).length ? { RoleMappings: roles.RoleMappings } : {}) };
}

function mappableProviders(pool: IdentityPoolSettings): Set<string> {
  const names = new Set<string>(Object.keys(pool.SupportedLoginProviders ?? {}));
  for (const arn of pool.OpenIdConnectProviderARNs ?? []) names.add(oidcProviderUrlOfArn(arn) ?? arn);
  for (const arn of pool.SamlProviderARNs ?? []) names.add(arn);
  for (const entry of pool.CognitoIdentityProviders ?? []) {
    if (entry.ProviderName && entry.ClientId) names.add(`${entry.ProviderName}:${entry.ClientId}`);
  }
  return names;
}

/** Pools reference OpenID Connect providers by IAM ARN; here IAM is the config, and a provider it does not declare is refused. */
export async function assertProvidersDeclared(context: Context, request: Pick<IdentityPoolRequest, 'OpenIdConnectProviderARNs'>): Promise<void> {
  for (const arn of request.OpenIdConnectProviderARNs ?? []) {
    const url = oidcProviderUrlOfArn(arn);
    if (url && !(await context.identity.openIdConnect.get(url))) {
      throw new IdentityPoolSettingError('OpenIdConnectProviderARNs', `${arn} is not a declared OpenID Connect provider.`);
    }
  }
}

/** IdentityPool as DescribeIdentityPool answers it: without the roles. */
export function describeIdentityPool(pool: IdentityPool): IdentityPoolSettings {
  const { Roles: _roles, RoleMappings: _mappings, ...settings } = pool;
  return settings;
}
