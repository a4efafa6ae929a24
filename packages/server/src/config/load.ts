import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { configFileSchema, type ConfigFile } from './schema.js';

/** A config that cannot be used; the message names the file, the key and the reason. */
export class ConfigError extends Error {}

/** Without a config file: one pool where email is the username, and one public app client. */
export const defaultConfig: ConfigFile = {
  UserPools: [
    {
      PoolName: 'cognate',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Clients: [
        {
          ClientName: 'cognate-app',
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
    },
  ],
};

export function loadConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: is not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(json, path);
}

export function parseConfig(json: unknown, source: string): ConfigFile {
  const result = configFileSchema.safeParse(json);
  if (result.success) return result.data;
  throw new ConfigError(`${source}: ${result.error.issues.map(describeIssue).join('; ')}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = keyPath(issue.path) || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${keyPath([...issue.path, k])}: is not a known setting`).join('; ');
  }
  return `${key}: ${issue.message}`;
}

/** `['UserPools', 0, 'Clients', 1, 'ClientName']` → `UserPools[0].Clients[1].ClientName`. */
export function keyPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
