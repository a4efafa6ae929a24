import Fastify, { type FastifyInstance } from 'fastify';
import { listOutbox } from '../delivery/outbox.js';
import { renderOutboxPage } from '../delivery/outbox-page.js';
import type { AdminCredential } from '../config/schema.js';
import type { Operation } from '../protocol/operation.js';
import { userPoolOperations } from '../protocol/cognito-idp/index.js';
import type { Context } from '../userpool/context.js';
import type { Store } from '../store/open.js';
import { addCorsHeaders } from './cors.js';
import { createJsonApiHandler } from './json-api.js';
import { createSigV4Verifier } from './sigv4/verifier.js';
import { registerWellKnown } from './well-known.js';

export interface AppOptions {
  context: Context;
  store: Store;
  /** Serve /_dev/outbox: true when some channel delivers to the development outbox. */
  devOutbox: boolean;
  /** The keys that may sign admin (SigV4) operations. */
  adminCredentials: readonly AdminCredential[];
  /** Served next to the user-pool operations: a seam for tests, which inject operations the dispatch table does not have. */
  extraOperations?: Record<string, Operation> | undefined;
}

export function createApp({ context, store, devOutbox, adminCredentials, extraOperations }: AppOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, return503OnClosing: true });
  // Bodies are read as bytes whatever the content type: signatures cover the exact bytes, and the API
  // handler parses and reports errors itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => addCorsHeaders(request, reply));
  app.options('*', async (_request, reply) => reply.code(204).send());

  app.get('/health', async (_request, reply) => {
    try {
      await store.ping();
      return reply.send({ status: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  registerWellKnown(app, context);

  if (devOutbox) {
    app.get('/_dev/outbox.json', async () => listOutbox(context.db));
    app.get('/_dev/outbox', async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderOutboxPage(await listOutbox(context.db))));
  }

  const verifyAdminSignature = createSigV4Verifier({ service: 'cognito-idp', credentials: adminCredentials, clock: context.clock });
  const handleJsonApi = createJsonApiHandler(context, { AWSCognitoIdentityProviderService: { ...userPoolOperations, ...extraOperations } }, verifyAdminSignature);
  app.post('*', handleJsonApi);
  app.post('/', handleJsonApi);

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ message: 'Not found' }));
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    // Fastify's own rejections (body too large, bad framing) are client errors, never 500s.
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) console.error('[error]', error);
    return reply.code(status).send({ __type: status === 500 ? 'InternalErrorException' : status === 413 ? 'InvalidParameterException' : 'SerializationException', message: status === 500 ? 'An internal error occurred.' : error.message });
  });
  return app;
}
