import type { Context } from '../../userpool/context.js';
import { withoutScheme } from '../issuer-url.js';
import { decodeLoginToken, loginMessages, refuseLogin, verifyLoginToken } from './login-token.js';
import type { VerifiedLogin } from './verified-login.js';

/** An ID token of an OpenID Connect provider, checked against the keys its issuer publishes. */
export async function verifyOpenIdConnectLogin(context: Context, key: string, issuer: string, audiences: string[], token: string): Promise<VerifiedLogin> {
  const unverified = decodeLoginToken(token);
  if (typeof unverified.iss !== 'string' || withoutScheme(unverified.iss) !== key) refuseLogin(loginMessages.issuerMismatch);
  let keys;
  try {
    keys = await context.identity.openIdConnect.keysOf(issuer);
  } catch (error) {
    console.error(`[identity] keys of ${issuer} unavailable:`, (error as Error).message);
    return refuseLogin(loginMessages.signature);
  }
  const claims = await verifyLoginToken(context, token, keys);
  const tokenAudiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
  if (tokenAudiences.length === 0) refuseLogin(loginMessages.missingClaim('aud'));
  if (!tokenAudiences.some((audience) => audiences.includes(audience))) refuseLogin(loginMessages.audience);
  const subject = typeof claims.sub === 'string' ? claims.sub : refuseLogin(loginMessages.missingClaim('sub'));
  return { key, provider: key, subject, claims, mappingNames: [key] };
}
