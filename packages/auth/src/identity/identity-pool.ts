import type { AuthContext } from '../core/context.js';
import { callIdentityPool } from '../core/transport.js';
import { AuthError } from '../errors.js';
import type { AWSCredentials } from '../types.js';

/** The `Logins` map of the identity-pool API: provider key → token (reference §5.2). */
export type Logins = Record<string, string>;

/** Credentials from GetCredentialsForIdentity, the identity they are for, and whether anyone logged in. */
export interface IdentityCredentials {
  credentials: Required<AWSCredentials>;
  identityId: string;
  authenticated: boolean;
}

/** The pool id and where its API is; as Amplify, the region is the part of the id before `:` (reference §1.6). */
export function identityPool(ctx: AuthContext): { id: string; endpoint: string } {
  const id = ctx.config.identityPoolId;
  const region = id?.split(':')[0];
  if (!id?.includes(':') || !region) {
    throw new AuthError({
      name: 'InvalidIdentityPoolIdException',
      message: 'Invalid identity pool id provided.',
      recoverySuggestion: 'Make sure a valid identityPoolId is given in the config.',
    });
  }
  return { id, endpoint: ctx.config.identityPoolEndpoint ?? `https://cognito-identity.${region}.amazonaws.com/` };
}

/** The identity of these logins, new when none has them; a guest's sends `Logins: {}` as Amplify does. */
export async function getId(ctx: AuthContext, logins: Logins): Promise<string> {
  const pool = identityPool(ctx);
  const { IdentityId } = await callIdentityPool(ctx, pool.endpoint, 'GetId', { IdentityPoolId: pool.id, Logins: logins });
  if (!IdentityId) {
    throw new AuthError({
      name: 'GetIdResponseException',
      message: 'Received undefined response from getId operation',
      recoverySuggestion: 'Make sure to pass a valid identityPoolId in the configuration.',
    });
  }
  return IdentityId;
}

/**
 * Credentials for an identity. A guest sends no `Logins` at all (reference §5.3); with logins, the
 * server may answer another identity (a guest's linked into the user's), which is the one to keep.
 */
export async function getCredentialsForIdentity(ctx: AuthContext, identityId: string, logins?: Logins): Promise<IdentityCredentials> {
  const input = logins ? { IdentityId: identityId, Logins: logins } : { IdentityId: identityId };
  const { IdentityId, Credentials: issued } = await callIdentityPool(ctx, identityPool(ctx).endpoint, 'GetCredentialsForIdentity', input);
  if (!issued?.AccessKeyId || !issued.SecretKey) {
    throw new AuthError({
      name: logins ? 'CredentialsException' : 'CredentialsNotFoundException',
      message: 'Cognito did not respond with either Credentials, AccessKeyId or SecretKey.',
    });
  }
  return {
    credentials: {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretKey,
      sessionToken: issued.SessionToken,
      // Epoch seconds on the wire (reference §5.1).
      expiration: new Date(issued.Expiration * 1000),
    },
    identityId: IdentityId ?? identityId,
    authenticated: logins !== undefined,
  };
}
