import { SignJWT } from 'jose';
import { epochSeconds } from '../clock.js';
import type { Context } from '../userpool/context.js';
import { withoutScheme } from './issuer-url.js';
import { identityTokenAlgorithm } from './signing-keys.js';
import { isAuthenticated, type VerifiedLogins } from './logins/verified-login.js';

/** GetOpenIdToken's tokens are valid ten minutes; the developer flow's default is fifteen. */
export const openIdTokenSeconds = 600;
export const developerTokenSeconds = 900;

/** Cognito Identity's issuer is `https://cognito-identity.amazonaws.com`; ours is under the public URL. */
export const identityIssuer = (context: Pick<Context, 'publicUrl'>) => `${context.publicUrl}/identity`;

/** The Logins keys under which our own tokens come back: Cognito's name and our issuer without its scheme. */
export const isIdentityTokenKey = (context: Context, key: string) => key === 'cognito-identity.amazonaws.com' || key === withoutScheme(identityIssuer(context));

/** `amr` as IAM's `cognito-identity.amazonaws.com:amr` conditions read it. */
export function authenticationMethods(poolId: string, logins: VerifiedLogins): string[] {
  if (!isAuthenticated(logins)) return ['unauthenticated'];
  const providers = logins.linked.flatMap((login) => [login.provider, `${login.provider}:${poolId}:${login.subject}`]);
  return ['authenticated', ...providers];
}

export interface OpenIdTokenRequest {
  poolId: string;
  identityId: string;
  amr: string[];
  lifetimeSeconds: number;
  principalTags?: Record<string, string> | undefined;
}

export async function signOpenIdToken(context: Context, request: OpenIdTokenRequest): Promise<string> {
  const { signing } = await context.identity.keys.current();
  const now = epochSeconds(context.clock.now());
  const tags = request.principalTags && Object.keys(request.principalTags).length > 0
    ? { 'https://aws.amazon.com/tags': { principal_tags: Object.fromEntries(Object.entries(request.principalTags).map(([k, v]) => [k, [v]])) } }
    : {};
  return new SignJWT({ amr: request.amr, ...tags })
    .setProtectedHeader({ kid: signing.kid, typ: 'JWS', alg: identityTokenAlgorithm })
    .setIssuer(identityIssuer(context))
    .setSubject(request.identityId)
    .setAudience(request.poolId)
    .setIssuedAt(now)
    .setExpirationTime(now + request.lifetimeSeconds)
    .sign(signing.privateKey);
}
