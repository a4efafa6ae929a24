import { identityIssuer } from '../identitypool/openid-token.js';
import { identityTokenAlgorithm } from '../identitypool/signing-keys.js';
import type { Context } from '../userpool/context.js';
import { json, type Route } from './response.js';
import { pathOf } from './well-known.js';

/** The keys and discovery document of the identity pools' OpenID tokens, under their issuer `<public URL>/identity`. */
export function identityWellKnownRoute(context: Context): Route {
  return async (request) => {
    const path = request.method === 'GET' ? pathOf(request.url) : '';
    if (path === '/identity/.well-known/jwks.json') return json(200, (await context.identity.keys.current()).jwks, { 'cache-control': 'public, max-age=300' });
    if (path !== '/identity/.well-known/openid-configuration') return undefined;
    const issuer = identityIssuer(context);
    return json(200, {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [identityTokenAlgorithm],
      claims_supported: ['sub', 'aud', 'iss', 'exp', 'iat', 'amr'],
    });
  };
}
