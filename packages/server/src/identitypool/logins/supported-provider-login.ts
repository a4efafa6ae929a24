import type { Context } from '../../userpool/context.js';
import { verifyAmazonLogin } from './amazon-login.js';
import { verifyFacebookLogin } from './facebook-login.js';
import { refuseLogin } from './login-token.js';
import { verifyOpenIdConnectLogin } from './openid-connect-login.js';
import type { VerifiedLogin } from './verified-login.js';

type PublicProviderLogin = (context: Context, key: string, appIds: string[], token: string) => Promise<VerifiedLogin>;

/**
 * The public providers of SupportedLoginProviders, by Logins key (reference §5.2). Facebook and Login
 * with Amazon send access tokens, which their provider inspects; Google and Apple send OpenID Connect
 * ID tokens, whose `iss` must be the provider's own (Google writes it with and without the scheme)
 * wherever the keys are fetched from.
 */
const publicProviders = new Map<string, PublicProviderLogin>([
  ['graph.facebook.com', verifyFacebookLogin],
  ['www.amazon.com', verifyAmazonLogin],
  [
    'accounts.google.com',
    (context, key, appIds, token) =>
      verifyOpenIdConnectLogin(context, key, { discoveryUrl: context.identity.publicProviders.settings.googleIssuerUrl, audiences: appIds, issuers: ['https://accounts.google.com', 'accounts.google.com'] }, token),
  ],
  [
    'appleid.apple.com',
    (context, key, appIds, token) =>
      verifyOpenIdConnectLogin(context, key, { discoveryUrl: context.identity.publicProviders.settings.appleIssuerUrl, audiences: appIds, issuers: ['https://appleid.apple.com'] }, token),
  ],
]);

/** A token of a provider in SupportedLoginProviders, whose value is the app id (several separated by commas or semicolons). */
export async function verifySupportedProviderLogin(context: Context, key: string, appIds: string, token: string): Promise<VerifiedLogin> {
  const verify = publicProviders.get(key);
  if (!verify) return refuseLogin(`Invalid login token. Tokens of ${key} cannot be verified by this server.`);
  return verify(context, key, appIds.split(/[,;]/).map((id) => id.trim()).filter((id) => id !== ''), token);
}
