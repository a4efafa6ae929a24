import type { JWTPayload } from 'jose';
import { fail } from '../errors.js';
import type { VerifiedLogin } from './logins/verified-login.js';
import type { IdentityPool, MappingRule, RoleMapping } from './settings.js';

export interface RoleRequest {
  authenticated: boolean;
  logins: VerifiedLogin[];
  /** GetCredentialsForIdentity's CustomRoleArn: one of the roles a token offers. */
  customRoleArn?: string | undefined;
}

const misconfigured = (): never =>
  fail('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');

/**
 * The role credentials are vended for. Guests get the unauthenticated role. Signed-in users get the
 * authenticated role unless the pool maps their provider: `Token` takes the role the token offers
 * (`cognito:preferred_role`, or the one `cognito:roles` entry), `Rules` the first rule its claims
 * match; when neither decides, AmbiguousRoleResolution says the authenticated role or a refusal.
 */
export function chooseRole(pool: IdentityPool, request: RoleRequest): string {
  if (!request.authenticated) return pool.Roles.unauthenticated ?? misconfigured();
  for (const login of request.logins) {
    const mapping = mappingFor(pool, login);
    if (!mapping) continue;
    const role = mapping.Type === 'Token' ? roleFromToken(login.claims, request.customRoleArn) : roleFromRules(mapping, login.claims);
    if (role) return role;
    if (mapping.AmbiguousRoleResolution === 'Deny') fail('NotAuthorizedException', `The ambiguous role mapping rules for: ${login.key} denied this request.`);
    break;
  }
  return pool.Roles.authenticated ?? misconfigured();
}

function mappingFor(pool: IdentityPool, login: VerifiedLogin): RoleMapping | undefined {
  const name = login.mappingNames.find((candidate) => pool.RoleMappings?.[candidate]);
  return name === undefined ? undefined : pool.RoleMappings![name];
}

function roleFromToken(claims: JWTPayload, customRoleArn: string | undefined): string | undefined {
  const roles = Array.isArray(claims['cognito:roles']) ? (claims['cognito:roles'] as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  if (customRoleArn && roles.includes(customRoleArn)) return customRoleArn;
  const preferred = claims['cognito:preferred_role'];
  if (typeof preferred === 'string') return preferred;
  return roles.length === 1 ? roles[0] : undefined;
}

function roleFromRules(mapping: RoleMapping, claims: JWTPayload): string | undefined {
  return mapping.RulesConfiguration?.Rules.find((rule) => ruleMatches(rule, claims[rule.Claim]))?.RoleARN;
}

/** A claim with several values (cognito:groups) matches when one of them does; NotEqual when none equals. A token without the claim matches no rule. */
function ruleMatches(rule: MappingRule, claim: unknown): boolean {
  if (claim === undefined || claim === null) return false;
  const values = (Array.isArray(claim) ? claim : [claim]).map(String);
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(rule.Value);
    case 'NotEqual':
      return !values.includes(rule.Value);
    case 'Contains':
      return values.some((value) => value.includes(rule.Value));
    case 'StartsWith':
      return values.some((value) => value.startsWith(rule.Value));
  }
}
