import { SignJWT, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { epochSeconds } from '../clock.js';
import { fail, messages } from '../errors.js';
import { userStore, type User } from '../store/users.js';
import { preTokenGeneration, type GroupConfiguration, type TokenSource } from '../hooks/pre-token-generation.js';
import { tokenLifetimesSeconds } from './client.js';
import type { ClientAndPool } from './clients.js';
import { issuerOf, type Context } from './context.js';
import type { SigningKey } from './signing-keys.js';

export const userAdminScope = 'aws.cognito.signin.user.admin';

/** The authentication that tokens belong to: one grant, one `origin_jti`, many refreshes. */
export interface GrantInfo {
  originJti: string;
  authTimeSeconds: number;
  deviceKey?: string | null;
}

export interface IssuedTokens {
  AccessToken: string;
  IdToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

/**
 * ID and access tokens with Cognito's claims (reference §4.2, §4.3), signed with the pool's keys.
 * A pre token generation hook may change the ID token's claims and both tokens' groups.
 */
export async function signTokens(context: Context, resolved: ClientAndPool, user: User, grant: GrantInfo, source: TokenSource): Promise<IssuedTokens> {
  const { client } = resolved;
  const [keys, groups] = await Promise.all([context.keys.forPool(user.poolId), userStore.groupsOf(context.db, user.poolId, user.sub)]);
  const configuration = groupConfigurationOf(groups);
  const customization = await preTokenGeneration(context, resolved, user, source, configuration);
  const now = epochSeconds(context.clock.now());
  const lifetimes = tokenLifetimesSeconds(client);
  const groupClaims = groupClaimsOf(customization?.groups ?? configuration);
  const common = { origin_jti: grant.originJti, event_id: context.random.uuid(), auth_time: grant.authTimeSeconds };
  const idClaims: JWTPayload = {
    sub: user.sub,
    ...groupClaims,
    ...idTokenAttributes(user.attributes),
    ...customization?.claimsToAddOrOverride,
    'cognito:username': user.username,
    aud: client.ClientId,
    token_use: 'id',
    ...common,
  };
  for (const claim of customization?.claimsToSuppress ?? []) delete idClaims[claim];
  const accessClaims = {
    sub: user.sub,
    ...(groupClaims['cognito:groups'] ? { 'cognito:groups': groupClaims['cognito:groups'] } : {}),
    ...(grant.deviceKey ? { device_key: grant.deviceKey } : {}),
    client_id: client.ClientId,
    token_use: 'access',
    scope: userAdminScope,
    ...common,
    username: user.username,
  };
  const issuer = issuerOf(context, user.poolId);
  const [IdToken, AccessToken] = await Promise.all([
    sign(idClaims, keys.signing.id, issuer, now, lifetimes.id, context.random.uuid()),
    sign(accessClaims, keys.signing.access, issuer, now, lifetimes.access, context.random.uuid()),
  ]);
  return { AccessToken, IdToken, ExpiresIn: lifetimes.access, TokenType: 'Bearer' };
}

function sign(claims: JWTPayload, key: SigningKey, issuer: string, now: number, lifetime: number, jti: string) {
  return new SignJWT(claims)
    .setProtectedHeader({ kid: key.kid, alg: 'RS256' })
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .setJti(jti)
    .sign(key.privateKey);
}

function groupConfigurationOf(groups: Array<{ name: string; roleArn: string | null; precedence: number | null }>): GroupConfiguration {
  // Lowest precedence wins the preferred role, as Cognito orders groups.
  const ordered = [...groups].sort((a, b) => (a.precedence ?? Infinity) - (b.precedence ?? Infinity));
  const roles = ordered.map((g) => g.roleArn).filter((arn): arn is string => arn !== null);
  return { groupsToOverride: ordered.map((g) => g.name), iamRolesToOverride: roles, preferredRole: roles[0] ?? null };
}

function groupClaimsOf({ groupsToOverride, iamRolesToOverride, preferredRole }: GroupConfiguration): { 'cognito:groups'?: string[]; 'cognito:roles'?: string[]; 'cognito:preferred_role'?: string } {
  return {
    ...(groupsToOverride.length ? { 'cognito:groups': groupsToOverride } : {}),
    ...(iamRolesToOverride.length ? { 'cognito:roles': iamRolesToOverride } : {}),
    ...(preferredRole ? { 'cognito:preferred_role': preferredRole } : {}),
  };
}

/** Attribute values are strings in the store; the verified flags are JSON booleans in tokens. */
function idTokenAttributes(attributes: Record<string, string>): Record<string, string | boolean | number> {
  const claims: Record<string, string | boolean | number> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'email_verified' || name === 'phone_number_verified') claims[name] = value === 'true';
    else if (name === 'updated_at') claims[name] = Number(value);
    else claims[name] = value;
  }
  return claims;
}

export interface VerifiedAccessToken {
  poolId: string;
  sub: string;
  clientId: string;
  originJti: string;
  username: string;
}

/**
 * Checks an access token as the self-service operations require (reference §2.3): signature,
 * issuer, expiry, token_use and scope. Whether its grant was revoked is the caller's second check
 * (see access-token-user.ts), done with the user's row in one query.
 */
export async function verifyAccessToken(context: Context, token: string): Promise<VerifiedAccessToken> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    return fail('NotAuthorizedException', messages.accessTokenInvalid);
  }
  const issuer = typeof unverified.iss === 'string' ? unverified.iss : '';
  const poolId = issuer.slice(issuer.lastIndexOf('/') + 1);
  if (issuer !== issuerOf(context, poolId) || !(await context.pools.getPool(poolId))) {
    return fail('NotAuthorizedException', messages.accessTokenInvalid);
  }
  const keys = await context.keys.forPool(poolId);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (header) => keys.verifying.get(header.kid ?? '') ?? fail('NotAuthorizedException', messages.accessTokenInvalid), {
      issuer,
      algorithms: ['RS256'],
      currentDate: new Date(context.clock.now()),
      clockTolerance: 0,
    }));
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    return fail('NotAuthorizedException', expired ? messages.accessTokenExpired : messages.accessTokenInvalid);
  }
  if (payload.token_use !== 'access' || typeof payload.sub !== 'string' || typeof payload.origin_jti !== 'string') {
    return fail('NotAuthorizedException', messages.accessTokenInvalid);
  }
  if (typeof payload.scope !== 'string' || !payload.scope.split(' ').includes(userAdminScope)) {
    return fail('NotAuthorizedException', messages.accessTokenScopes);
  }
  return {
    poolId,
    sub: payload.sub,
    clientId: String(payload.client_id),
    originJti: payload.origin_jti,
    username: String(payload.username),
  };
}
