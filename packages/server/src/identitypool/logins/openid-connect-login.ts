import { fail } from '../../errors.js';
import type { Context } from '../../userpool/context.js';
import { withoutScheme } from '../issuer-url.js';
import { decodeLoginToken, loginMessages, refuseLogin, verifyLoginToken } from './login-token.js';
import type { VerifiedLogin } from './verified-login.js';

/** How the tokens of one OpenID Connect provider are checked. */
export interface OpenIdConnectTrust {
  /** Where the discovery document, and through it the keys, is fetched: the issuer, or a stand-in for it. */
  discoveryUrl: string;
  /** The client ids a token's `aud` must name one of. */
  audiences: string[];
  /** The `iss` values accepted; without them, any issuer whose host and path are the Logins key. */
  issuers?: readonly string[];
}

/** An ID token of an OpenID Connect provider, checked against the keys its issuer publishes. */
export async function verifyOpenIdConnectLogin(context: Context, key: string, trust: OpenIdConnectTrust, token: string): Promise<VerifiedLogin> {
  const unverified = decodeLoginToken(token);
  const issuer = typeof unverified.iss === 'string' ? unverified.iss : undefined;
  const issuerMatches = issuer !== undefined && (trust.issuers ? trust.issuers.includes(issuer) : withoutScheme(issuer) === key);
  if (!issuerMatches) refuseLogin(loginMessages.issuerMismatch);
  let keys;
  try {
    keys = await context.identity.openIdConnect.keysOf(trust.discoveryUrl);
  } catch (error) {
    console.error(`[identity] keys of ${trust.discoveryUrl} unavailable:`, (error as Error).message);
    return fail('ExternalServiceException', loginMessages.providerUnavailable(key));
  }
  const claims = await verifyLoginToken(context, token, keys);
  const tokenAudiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
  if (tokenAudiences.length === 0) refuseLogin(loginMessages.missingClaim('aud'));
  if (!tokenAudiences.some((audience) => trust.audiences.includes(audience))) refuseLogin(loginMessages.audience);
  const subject = typeof claims.sub === 'string' ? claims.sub : refuseLogin(loginMessages.missingClaim('sub'));
  return { key, provider: key, subject, claims, mappingNames: [key] };
}
