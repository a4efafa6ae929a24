import { isObject } from '../../objects.js';
import type { Context } from '../../userpool/context.js';
import { loginMessages, refuseLogin } from './login-token.js';
import type { ProviderAnswer } from './provider-request.js';
import type { TokenOwner } from './public-providers.js';
import { acceptedValues, inspect, isProviderId, type Inspection } from './token-inspection.js';
import type { VerifiedLogin } from './verified-login.js';

/**
 * Login with Amazon's answer to `/auth/o2/tokeninfo`: `user_id`, and the app the token was issued to
 * as both `app_id` (the security profile, `amzn1.application.…`, what Cognito's console asks for) and
 * `aud` (its OAuth client id, `amzn1.application-oa2-client.…`). A bad token is a 400 with an OAuth
 * error (`invalid_token`, `invalid_request`).
 */
export function readTokenInfo(answer: ProviderAnswer): Inspection<TokenOwner> {
  const body = isObject(answer.body) ? answer.body : {};
  if (answer.status === 200 && answer.body !== undefined) {
    const apps = [body.app_id, body.aud].filter(isProviderId);
    if (isProviderId(body.user_id) && apps.length > 0) return { kind: 'accepted', value: { subject: body.user_id, apps } };
    return { kind: 'unusable', detail: 'tokeninfo answered without user_id, or without app_id and aud' };
  }
  if ((answer.status === 400 || answer.status === 401) && typeof body.error === 'string') {
    return { kind: 'refused', expired: typeof body.error_description === 'string' && /expired/i.test(body.error_description) };
  }
  return { kind: 'unusable', detail: `tokeninfo answered ${answer.status}${answer.body === undefined ? ' without JSON' : ''}` };
}

/**
 * A Login with Amazon access token, as Cognito takes it: tokeninfo, asked with the token alone, tells
 * the user and the app, which must be one of the pool's Amazon app ids (security profile or client id).
 * See docs/decisions/0007-public-login-providers.md.
 */
export async function verifyAmazonLogin(context: Context, key: string, appIds: string[], token: string): Promise<VerifiedLogin> {
  const providers = context.identity.publicProviders;
  const owner = await providers.ownerOf(key, token, async () => {
    const url = `${providers.settings.amazonApiUrl}/auth/o2/tokeninfo?access_token=${encodeURIComponent(token)}`;
    return acceptedValues(key, [await inspect(providers, url, readTokenInfo)])[0]!;
  });
  if (!owner.apps.some((app) => appIds.includes(app))) refuseLogin(loginMessages.audience);
  return { key, provider: key, subject: owner.subject, claims: { sub: owner.subject, aud: owner.apps }, mappingNames: [key] };
}
