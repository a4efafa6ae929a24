import { vendCredentials } from '../identitypool/credentials.js';
import type { IdentityPool } from '../identitypool/settings.js';
import { stsFail } from './errors.js';
import type { StsOperation } from './operation.js';
import { assumedRole } from './roles.js';
import { verifyWebIdentityToken } from './web-identity-token.js';

const minDurationSeconds = 900;
const maxDurationSeconds = 43200;
const defaultDurationSeconds = 3600;

const constraint = (value: string | null, member: string, rule: string): never =>
  stsFail('ValidationError', `1 validation error detected: Value ${value === null ? 'null' : `'${value}'`} at '${member}' failed to satisfy constraint: ${rule}`);

function required(params: URLSearchParams, name: string, member: string): string {
  return params.get(name) ?? constraint(null, member, 'Member must not be null');
}

function sessionNameOf(params: URLSearchParams): string {
  const name = required(params, 'RoleSessionName', 'roleSessionName');
  if (name.length < 2) constraint(name, 'roleSessionName', 'Member must have length greater than or equal to 2');
  if (name.length > 64) constraint(name, 'roleSessionName', 'Member must have length less than or equal to 64');
  if (!/^[\w+=,.@-]*$/.test(name)) constraint(name, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  return name;
}

function durationOf(params: URLSearchParams): number {
  const text = params.get('DurationSeconds');
  if (text === null) return defaultDurationSeconds;
  if (!/^\d+$/.test(text)) return stsFail('InvalidParameterValue', `Value (${text}) for parameter DurationSeconds is invalid. It must be an integer.`);
  const seconds = Number(text);
  if (seconds < minDurationSeconds) constraint(text, 'durationSeconds', `Member must have value greater than or equal to ${minDurationSeconds}`);
  if (seconds > maxDurationSeconds) constraint(text, 'durationSeconds', `Member must have value less than or equal to ${maxDurationSeconds}`);
  return seconds;
}

/**
 * The roles the usual trust policy of an identity pool's roles lets its tokens assume (we have no
 * IAM to ask): a signed-in identity the authenticated role or a role its role mappings name, a
 * guest the unauthenticated role.
 */
function assumableRoles(pool: IdentityPool, authenticated: boolean): string[] {
  if (!authenticated) return pool.Roles.unauthenticated ? [pool.Roles.unauthenticated] : [];
  const mapped = Object.values(pool.RoleMappings ?? {}).flatMap((mapping) => mapping.RulesConfiguration?.Rules.map((rule) => rule.RoleARN) ?? []);
  return [...(pool.Roles.authenticated ? [pool.Roles.authenticated] : []), ...mapped];
}

const isoSeconds = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Unsigned: the web identity token is the proof. Mints credentials GetCallerIdentity then verifies. */
export const assumeRoleWithWebIdentity: StsOperation = {
  signed: false,
  async handle(context, { params }) {
    const roleArn = required(params, 'RoleArn', 'roleArn');
    const sessionName = sessionNameOf(params);
    const token = required(params, 'WebIdentityToken', 'webIdentityToken');
    const duration = durationOf(params);
    const role = assumedRole(roleArn, sessionName) ?? stsFail('ValidationError', 'Request ARN is invalid');

    const identity = await verifyWebIdentityToken(context, token);
    if (!assumableRoles(identity.pool, identity.authenticated).includes(roleArn)) {
      stsFail('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    }
    const credentials = await vendCredentials(context, {
      poolId: identity.pool.IdentityPoolId,
      identityId: identity.identityId,
      roleArn,
      amr: identity.amr,
      sessionName,
      lifetimeSeconds: duration,
    });
    return {
      result: {
        Credentials: {
          AccessKeyId: credentials.AccessKeyId,
          SecretAccessKey: credentials.SecretKey,
          SessionToken: credentials.SessionToken,
          Expiration: isoSeconds(credentials.Expiration),
        },
        SubjectFromWebIdentityToken: identity.identityId,
        AssumedRoleUser: { AssumedRoleId: role.assumedRoleId, Arn: role.arn },
        Provider: identity.issuer,
        Audience: identity.pool.IdentityPoolId,
      },
    };
  },
};

