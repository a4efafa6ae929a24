import type { z } from 'zod';
import { CognitoError } from '../errors.js';

/** Members whose values never appear in an error message. */
const sensitiveMembers = new Set(['password', 'previousPassword', 'proposedPassword', 'accessToken', 'refreshToken', 'token', 'secretHash', 'clientSecret', 'session', 'confirmationCode', 'authParameters', 'challengeResponses']);

/** amazon-cognito-identity-js sends explicit nulls, also inside string maps: treat them as absent. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/**
 * Validates a request body against an operation's input shape. A member of the wrong JSON type is a
 * SerializationException; a missing or out-of-range member is an InvalidParameterException worded
 * as AWS words its validation errors.
 */
export function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(withoutNulls(body), { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const typeIssue = issues.find((i) => i.code === 'invalid_type' && (i as { input?: unknown }).input !== undefined);
  if (typeIssue) {
    throw new CognitoError('SerializationException', `Unexpected value type at '${memberPath(typeIssue.path)}': expected ${(typeIssue as { expected?: string }).expected ?? 'another type'}`);
  }
  const described = issues.map((issue) => describe(issue));
  const count = described.length;
  throw new CognitoError(
    'InvalidParameterException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${described.join('; ')}`,
  );
}

function describe(issue: z.core.$ZodIssue): string {
  const path = memberPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && issue.code === 'invalid_type') {
    return `Value null at '${path}' failed to satisfy constraint: Member must not be null`;
  }
  const shown = sensitiveMembers.has(String(issue.path[0] ?? '').replace(/^./, (c) => c.toLowerCase())) || typeof input === 'object' ? '' : ` '${String(input)}'`;
  return `Value${shown} at '${path}' failed to satisfy constraint: ${constraintOf(issue)}`;
}

function constraintOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? `Member must have length greater than or equal to ${issue.minimum}`
        : `Member must have value greater than or equal to ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Member must have length less than or equal to ${issue.maximum}`
        : `Member must have value less than or equal to ${issue.maximum}`;
    case 'invalid_format':
      return `Member must satisfy regular expression pattern: ${(issue as { pattern?: string }).pattern ?? issue.format}`;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.join(', ')}]`;
    default:
      return issue.message;
  }
}

/** AWS names members in lower camel case: `UserAttributes.0.Value` becomes `userAttributes.1.member.value`. */
function memberPath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `${part + 1}.member` : String(part).replace(/^./, (c) => c.toLowerCase())))
    .join('.');
}
