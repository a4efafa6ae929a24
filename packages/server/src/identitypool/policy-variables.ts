import type { PolicyDocument } from './role-policies.js';

/** The single-valued policy variables of a role session vended by an identity pool. */
export type PolicyVariables = Record<string, string>;

/** IAM's escapes for the characters that would otherwise be wildcards or start a variable. */
const escapes: Record<string, string> = { '*': '*', '?': '?', $: '$' };

/** `${name}` or `${name, 'default'}`. */
const variablePattern = /\$\{([^}',]+?)\s*(?:,\s*'([^']*)'\s*)?\}/g;

/**
 * The document with its variables filled in where IAM fills them, in `Resource`, `NotResource` and
 * `Condition` values, and only under Version 2012-10-17 (older documents take `${…}` literally).
 * A variable the caller has no value for keeps its default, or stays as written and so matches nothing.
 */
export function fillPolicyVariables(document: PolicyDocument, variables: PolicyVariables): PolicyDocument {
  if (document.Version !== '2012-10-17') return document;
  const fill = (text: string) =>
    text.replace(variablePattern, (whole, name: string, fallback: string | undefined) => escapes[name] ?? variables[name] ?? fallback ?? whole);
  const fillAll = (value: unknown): unknown => {
    if (typeof value === 'string') return fill(value);
    if (Array.isArray(value)) return value.map(fillAll);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fillAll(inner)]));
    return value;
  };
  const fillStatement = (statement: unknown): unknown => {
    if (statement === null || typeof statement !== 'object') return statement;
    const filled: Record<string, unknown> = { ...statement };
    for (const member of ['Resource', 'NotResource', 'Condition']) {
      if (member in filled) filled[member] = fillAll(filled[member]);
    }
    return filled;
  };
  const statements = Array.isArray(document.Statement) ? document.Statement.map(fillStatement) : fillStatement(document.Statement);
  return { ...document, Statement: statements };
}
