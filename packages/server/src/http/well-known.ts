import { issuerOf, type Context } from '../userpool/context.js';
import { json, type Route } from './response.js';

const wellKnownPath = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/** The pool's JWKS and OpenID Connect discovery document, at Cognito's paths under the issuer. */
export function wellKnownRoute(context: Context): Route {
  return async (request) => {
    const match = request.method === 'GET' ? wellKnownPath.exec(pathOf(request.url)) : null;
    if (!match) return undefined;
    const [, poolId, document] = match as unknown as [string, string, string];
    if (!(await context.pools.getPool(poolId))) return json(404, { message: 'User pool not found' });
    if (document === 'jwks.json') return json(200, (await context.keys.forPool(poolId)).jwks, { 'cache-control': 'public, max-age=300' });
    const issuer = issuerOf(context, poolId);
    return json(200, {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'token_use', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'cognito:username', 'cognito:groups'],
    });
  };
}

export const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0]!;
