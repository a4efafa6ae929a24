import type { Context } from '../../userpool/context.js';
import { verifyOpenIdConnectLogin } from './openid-connect-login.js';
import { refuseLogin } from './login-token.js';
import type { VerifiedLogin } from './verified-login.js';

/** The public providers whose tokens are OpenID Connect ID tokens, by Logins key. */
const openIdConnectIssuers: Record<string, string> = {
  'accounts.google.com': 'https://accounts.google.com',
  'appleid.apple.com': 'https://appleid.apple.com',
};

/**
 * A token of a provider in SupportedLoginProviders, whose value is the app id (several separated by
 * commas). Facebook and Login with Amazon send access tokens, which only the provider can inspect:
 * that inspection is not built yet, so their logins are refused.
 */
export async function verifySupportedProviderLogin(context: Context, key: string, appIds: string, token: string): Promise<VerifiedLogin> {
  const issuer = openIdConnectIssuers[key];
  if (!issuer) return refuseLogin(`Invalid login token. Tokens of ${key} cannot be verified by this server.`);
  const audiences = appIds.split(/[,;]/).map((id) => id.trim()).filter((id) => id !== '');
  return verifyOpenIdConnectLogin(context, key, issuer, audiences, token);
}
