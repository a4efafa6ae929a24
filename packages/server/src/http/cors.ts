import type { FastifyReply, FastifyRequest } from 'fastify';

/** Browser clients call cross-origin with non-simple headers (reference §1.4); none send cookies. */
export const exposedHeaders = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';

export function addCorsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-expose-headers', exposedHeaders);
  if (request.method === 'OPTIONS') {
    // Amplify adds whatever headers the app configures, so the preflight allows what it is asked for.
    const requested = request.headers['access-control-request-headers'];
    reply.header('access-control-allow-methods', 'GET,POST,OPTIONS');
    reply.header('access-control-allow-headers', typeof requested === 'string' && requested ? requested : 'content-type,x-amz-target,x-amz-user-agent,authorization');
    reply.header('access-control-max-age', '86400');
  }
}
