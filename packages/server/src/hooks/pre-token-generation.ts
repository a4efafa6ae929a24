import { fail } from '../errors.js';
import type { User } from '../store/users.js';
import type { ClientAndPool } from '../userpool/clients.js';
import type { Context } from '../userpool/context.js';
import { eventUserOf, triggerEvent } from './event.js';
import { isObject } from '../objects.js';
import { invalidLambdaResponse, invokeHook } from './invoke.js';

/** Why tokens are being issued, as the event's triggerSource says. */
export type TokenSource = 'TokenGeneration_Authentication' | 'TokenGeneration_NewPasswordChallenge' | 'TokenGeneration_AuthenticateDevice' | 'TokenGeneration_RefreshTokens';

/** The groups and roles tokens carry: what the hook receives and may replace. */
export interface GroupConfiguration {
  groupsToOverride: string[];
  iamRolesToOverride: string[];
  preferredRole: string | null;
}

/** A V1 hook's answer: claims for the ID token, and the groups and roles for both tokens. */
export interface TokenCustomization {
  claimsToAddOrOverride: Record<string, string>;
  claimsToSuppress: string[];
  groups: GroupConfiguration;
}

/** Claims a hook cannot add, change or suppress: they say what the token is. */
const reservedClaims = new Set(['acr', 'amr', 'at_hash', 'aud', 'auth_time', 'azp', 'cognito:username', 'event_id', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf', 'nonce', 'origin_jti', 'sub', 'token_use']);

/** The V1 hook, named by PreTokenGeneration or by PreTokenGenerationConfig with LambdaVersion V1_0. */
function preTokenTarget({ pool }: ClientAndPool): string | undefined {
  const versioned = pool.LambdaConfig?.PreTokenGenerationConfig;
  if (versioned && versioned.LambdaVersion !== 'V1_0') {
    return fail('UnexpectedLambdaException', `PreTokenGeneration invocation failed due to error UnsupportedLambdaVersion: Cognate sends ${versioned.LambdaVersion} events not yet; use V1_0.`);
  }
  return versioned?.LambdaArn ?? pool.LambdaConfig?.PreTokenGeneration;
}

/** PreTokenGeneration (V1): undefined without the trigger, else what the hook changed. */
export async function preTokenGeneration(
  context: Context,
  resolved: ClientAndPool,
  user: User,
  source: TokenSource,
  groups: GroupConfiguration,
): Promise<TokenCustomization | undefined> {
  const target = preTokenTarget(resolved);
  if (target === undefined) return undefined;
  const event = triggerEvent(resolved.pool, resolved.client.ClientId, eventUserOf(user), source, { groupConfiguration: groups }, { claimsOverrideDetails: null });
  const details = (await invokeHook(context, 'PreTokenGeneration', target, event)).claimsOverrideDetails;
  if (details === null || details === undefined) return { claimsToAddOrOverride: {}, claimsToSuppress: [], groups };
  if (!isObject(details)) return invalidLambdaResponse();
  const added = optionalMap(details.claimsToAddOrOverride);
  const suppressed = optionalStrings(details.claimsToSuppress) ?? [];
  const override = details.groupOverrideDetails;
  if (override !== null && override !== undefined && !isObject(override)) return invalidLambdaResponse();
  const preferredRole = override?.preferredRole;
  if (preferredRole !== null && preferredRole !== undefined && typeof preferredRole !== 'string') return invalidLambdaResponse();
  return {
    claimsToAddOrOverride: Object.fromEntries(Object.entries(added).filter(([name]) => !reservedClaims.has(name))),
    claimsToSuppress: suppressed.filter((name) => !reservedClaims.has(name)),
    groups: {
      groupsToOverride: optionalStrings(override?.groupsToOverride) ?? groups.groupsToOverride,
      iamRolesToOverride: optionalStrings(override?.iamRolesToOverride) ?? groups.iamRolesToOverride,
      preferredRole: preferredRole === undefined ? groups.preferredRole : preferredRole,
    },
  };
}

/** V1 claims are strings; numbers and booleans a hook returns are sent as their text. */
function optionalMap(value: unknown): Record<string, string> {
  if (value === null || value === undefined) return {};
  if (!isObject(value)) return invalidLambdaResponse();
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return [name, String(item)];
      return invalidLambdaResponse();
    }),
  );
}

function optionalStrings(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return invalidLambdaResponse();
  return value as string[];
}
