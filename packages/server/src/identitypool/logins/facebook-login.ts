import { isObject } from '../../objects.js';
import type { Context } from '../../userpool/context.js';
import { loginMessages, refuseLogin } from './login-token.js';
import type { ProviderAnswer } from './provider-request.js';
import { acceptedValues, inspect, isProviderId, type Inspection } from './token-inspection.js';
import type { VerifiedLogin } from './verified-login.js';

/**
 * Graph API errors that mean the token is bad, not the provider: 190 (invalid or expired OAuth
 * token; subcode 463 is expiry) and 102 (invalid session). Others (1, 2, 4, 17, 32, 613: unknown,
 * service down, rate limits) say nothing about the token.
 */
const tokenErrorCodes = new Set([102, 190]);
const expiredSubcode = 463;

/** Facebook's answer to `/me?fields=id` (the app-scoped user id) or `/app` (the app the token was issued to): the object's `id`. */
export function readGraphAnswer(answer: ProviderAnswer): Inspection<string> {
  const body = isObject(answer.body) ? answer.body : {};
  if (answer.status === 200 && isProviderId(body.id)) return { kind: 'accepted', value: body.id };
  const error = isObject(body.error) ? body.error : undefined;
  if (answer.status < 500 && typeof error?.code === 'number' && tokenErrorCodes.has(error.code)) {
    return { kind: 'refused', expired: error.error_subcode === expiredSubcode };
  }
  const code = error && typeof error.code === 'number' ? `, error code ${error.code}` : '';
  return { kind: 'unusable', detail: `Graph API answered ${answer.status}${code}${answer.body === undefined ? ' without JSON' : ''}` };
}

/**
 * A Facebook user access token, as Cognito takes it: the Graph API, asked with the token alone (no
 * app secret), tells the user it belongs to (`/me`) and the app it was issued to (`/app`), which must
 * be one of the pool's Facebook app ids. See docs/decisions/0007-public-login-providers.md.
 */
export async function verifyFacebookLogin(context: Context, key: string, appIds: string[], token: string): Promise<VerifiedLogin> {
  const providers = context.identity.publicProviders;
  const owner = await providers.ownerOf(key, token, async () => {
    const graph = providers.settings.facebookGraphUrl;
    const accessToken = encodeURIComponent(token);
    const [subject, app] = acceptedValues(
      key,
      await Promise.all([inspect(providers, `${graph}/me?fields=id&access_token=${accessToken}`, readGraphAnswer), inspect(providers, `${graph}/app?access_token=${accessToken}`, readGraphAnswer)]),
    );
    return { subject: subject!, apps: [app!] };
  });
  if (!owner.apps.some((app) => appIds.includes(app))) refuseLogin(loginMessages.audience);
  return { key, provider: key, subject: owner.subject, claims: { sub: owner.subject, aud: owner.apps }, mappingNames: [key] };
}
