import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserPoolClient } from '../userpool/client.js';
import type { IdentityPool } from '../identitypool/settings.js';
import { regionOf, type UserPoolSettings } from '../userpool/pool.js';

/**
 * amplify_outputs.json (Gen 2, `version` 1.x) for one pool and client, and the identity pool that
 * trusts them when there is one. Amplify has no key for a custom endpoint, so Cognate's endpoints
 * ride in `custom.cognate` for the app to pass on.
 */
export function amplifyOutputs(pool: UserPoolSettings, client: UserPoolClient, publicUrl: string, identityPool?: IdentityPool) {
  const policy = pool.Policies.PasswordPolicy;
  const mfa = { OFF: 'NONE', OPTIONAL: 'OPTIONAL', ON: 'REQUIRED' } as const;
  return {
    version: '1.4',
    auth: {
      aws_region: regionOf(pool.Id),
      user_pool_id: pool.Id,
      user_pool_client_id: client.ClientId,
      ...(identityPool
        ? { identity_pool_id: identityPool.IdentityPoolId, unauthenticated_identities_enabled: identityPool.AllowUnauthenticatedIdentities }
        : {}),
      password_policy: {
        min_length: policy.MinimumLength,
        require_lowercase: policy.RequireLowercase,
        require_uppercase: policy.RequireUppercase,
        require_numbers: policy.RequireNumbers,
        require_symbols: policy.RequireSymbols,
      },
      mfa_configuration: mfa[pool.MfaConfiguration],
      mfa_methods: [],
      username_attributes: pool.UsernameAttributes ?? ['username'],
      standard_required_attributes: pool.SchemaAttributes.filter((a) => a.Required).map((a) => a.Name),
      user_verification_types: pool.AutoVerifiedAttributes ?? [],
    },
    custom: {
      cognate: {
        user_pool_endpoint: `${publicUrl}/`,
        identity_pool_endpoint: `${publicUrl}/identity`,
      },
    },
  };
}

export function writeAmplifyOutputs(dataDir: string, outputs: ReturnType<typeof amplifyOutputs>): string {
  const file = join(dataDir, 'amplify_outputs.json');
  writeFileSync(file, JSON.stringify(outputs, null, 2) + '\n');
  return file;
}
