import { createHash } from 'node:crypto';
import { epochSeconds } from '../clock.js';
import type { Context } from '../userpool/context.js';
import { newTemporaryAccessKeyId } from './ids.js';

/** The session name Cognito Identity gives the role sessions behind GetCredentialsForIdentity. */
export const cognitoSessionName = 'CognitoIdentityCredentials';

/** Credentials are valid an hour: Amplify reuses them for 50 minutes whatever their expiry says. */
export const credentialsSeconds = 3600;

const sessionTokenPrefix = 'cognate1.';
const tokenIdBytes = 32;

/** What GetCredentialsForIdentity answers: `Expiration` in epoch seconds, as on the wire. */
export interface Credentials {
  AccessKeyId: string;
  SecretKey: string;
  SessionToken: string;
  Expiration: number;
}

/** Credentials as the store keeps them, for whoever verifies a signature made with them. */
export interface VendedCredentials {
  accessKeyId: string;
  secretKey: string;
  poolId: string;
  identityId: string;
  roleArn: string;
  /** `cognito-identity.amazonaws.com:amr` when they were vended. */
  amr: string[];
  /** The role session's name: `CognitoIdentityCredentials`, or what AssumeRoleWithWebIdentity was given. */
  sessionName: string;
  expiresAt: number;
}

export interface CredentialsRequest {
  poolId: string;
  identityId: string;
  roleArn: string;
  amr: string[];
  sessionName?: string;
  lifetimeSeconds?: number;
}

const hashOf = (tokenId: Buffer) => createHash('sha256').update(tokenId).digest('hex');
const secretContext = (accessKeyId: string) => `vended-credentials:${accessKeyId}`;

/**
 * Temporary credentials for an identity in a role. The session token carries a random id; the store
 * keeps its SHA-256 with the identity, the role, the expiry and the sealed secret key, so a service
 * that receives a request signed with them can find the secret and the role again.
 */
export async function vendCredentials(context: Context, request: CredentialsRequest): Promise<Credentials> {
  const { poolId, identityId, roleArn, amr, sessionName = cognitoSessionName, lifetimeSeconds = credentialsSeconds } = request;
  const tokenId = context.random.bytes(tokenIdBytes);
  const accessKeyId = newTemporaryAccessKeyId(context.random);
  const secretKey = context.random.bytes(30).toString('base64');
  const now = context.clock.now();
  const expiresAt = now + lifetimeSeconds * 1000;
  await context.db
    .insertInto('vended_credentials')
    .values({
      token_hash: hashOf(tokenId),
      access_key_id: accessKeyId,
      pool_id: poolId,
      identity_id: identityId,
      role_arn: roleArn,
      secret_sealed: context.sealer.seal(secretKey, secretContext(accessKeyId)),
      amr: JSON.stringify(amr),
      session_name: sessionName,
      expires_at: expiresAt,
      created_at: now,
    })
    .execute();
  return { AccessKeyId: accessKeyId, SecretKey: secretKey, SessionToken: `${sessionTokenPrefix}${tokenId.toString('base64url')}`, Expiration: epochSeconds(expiresAt) };
}

/** The credentials a session token and access key id belong to, while they are valid. */
export async function findVendedCredentials(context: Context, sessionToken: string, accessKeyId: string): Promise<VendedCredentials | undefined> {
  const found = await findVendedCredentialsEvenExpired(context, sessionToken, accessKeyId);
  return found && found.expiresAt > context.clock.now() ? found : undefined;
}

/** Also the expired ones: a verifier answers "expired" rather than "invalid" for them, as STS does. */
export async function findVendedCredentialsEvenExpired(context: Context, sessionToken: string, accessKeyId: string): Promise<VendedCredentials | undefined> {
  if (!sessionToken.startsWith(sessionTokenPrefix)) return undefined;
  const tokenId = Buffer.from(sessionToken.slice(sessionTokenPrefix.length), 'base64url');
  if (tokenId.length !== tokenIdBytes) return undefined;
  const row = await context.db.selectFrom('vended_credentials').selectAll().where('token_hash', '=', hashOf(tokenId)).executeTakeFirst();
  if (!row || row.access_key_id !== accessKeyId) return undefined;
  return {
    accessKeyId,
    secretKey: context.sealer.openText(row.secret_sealed, secretContext(accessKeyId)),
    poolId: row.pool_id,
    identityId: row.identity_id,
    roleArn: row.role_arn,
    amr: JSON.parse(row.amr) as string[],
    sessionName: row.session_name,
    expiresAt: row.expires_at,
  };
}
