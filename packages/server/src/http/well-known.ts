import type { FastifyInstance } from 'fastify';
import { issuerOf, type Context } from '../userpool/context.js';

/** The pool's JWKS and OpenID Connect discovery document, at Cognito's paths under the issuer. */
export function registerWellKnown(app: FastifyInstance, context: Context): void {
  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/jwks.json', async (request, reply) => {
    if (!(await context.pools.getPool(request.params.poolId))) return reply.code(404).send({ message: 'User pool not found' });
    const keys = await context.keys.forPool(request.params.poolId);
    return reply.header('cache-control', 'public, max-age=300').send(keys.jwks);
  });

  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/openid-configuration', async (request, reply) => {
    const { poolId } = request.params;
    if (!(await context.pools.getPool(poolId))) return reply.code(404).send({ message: 'User pool not found' });
    const issuer = issuerOf(context, poolId);
    return reply.send({
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'token_use', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'cognito:username', 'cognito:groups'],
    });
  });
}
