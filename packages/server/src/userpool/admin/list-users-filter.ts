import { fail } from '../../errors.js';

/** The attributes ListUsers can search on (custom attributes cannot be searched, as in Cognito). */
export const searchableAttributes = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;

export type SearchableAttribute = (typeof searchableAttributes)[number];

/** `=` matches the whole value, `^=` a prefix of it. */
export type FilterOperator = '=' | '^=';

export interface UserFilter {
  attribute: SearchableAttribute;
  operator: FilterOperator;
  value: string;
}

// attribute (bare or quoted), operator, quoted value in which \" and \\ are escapes.
const grammar = /^\s*(?:"([^"]*)"|([^\s"=^]+))\s*(\^=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/s;

/**
 * Parses ListUsers' Filter, `attribute = "value"` or `attribute ^= "value"` (reference §2.7.1).
 * An absent or blank filter is no filter.
 */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const match = grammar.exec(filter);
  if (!match) {
    return fail(
      'InvalidParameterException',
      `Error while parsing filter: expected <attribute> = "<value>" or <attribute> ^= "<value>", with quotes in the value escaped as \\".`,
    );
  }
  const name = match[1] ?? match[2]!;
  const attribute = searchableAttributes.find((a) => a === name);
  if (!attribute) {
    return fail('InvalidParameterException', `Invalid search attribute: ${name}. Searchable attributes are ${searchableAttributes.join(', ')}.`);
  }
  return { attribute, operator: match[3] as FilterOperator, value: match[4]!.replace(/\\(.)/gs, '$1') };
}
