import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdminCredential } from '../config/schema.js';
import { listOutbox } from '../delivery/outbox.js';
import { renderOutboxPage } from '../delivery/outbox-page.js';
import { identityPoolOperations } from '../protocol/cognito-identity/index.js';
import { userPoolOperations } from '../protocol/cognito-idp/index.js';
import type { Operation } from '../protocol/operation.js';
import type { Store } from '../store/open.js';
import { createStsHandler } from '../sts/query-api.js';
import type { Context } from '../userpool/context.js';
import { corsHeaders } from './cors.js';
import { identityWellKnownRoute } from './identity-well-known.js';
import { createJsonApiHandler } from './json-api.js';
import { json, type HttpResponse, type Route } from './response.js';
import { createSigV4Verifier } from './sigv4/verifier.js';
import { answerVerifySignature, isVerifySignaturePath } from './verify-signature-route.js';
import { pathOf, wellKnownRoute } from './well-known.js';

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

export interface HttpApp {
  server: Server;
  /** Listens and answers the port (useful when asked for port 0). */
  listen(host: string, port: number): Promise<number>;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

/**
 * The HTTP face of the server: a handful of GET routes, STS's Query API at /sts, signature checks for
 * services at /sigv4/verify, and the JSON 1.1 APIs (user pools, identity pools) on every other POST.
 */
export function createApp({ context, store, devOutbox, adminCredentials, extraOperations }: AppOptions): HttpApp {
  const verifierFor = (service: string) => createSigV4Verifier({ service, credentials: adminCredentials, clock: context.clock });
  const jsonApi = createJsonApiHandler(context, {
    AWSCognitoIdentityProviderService: { operations: { ...userPoolOperations, ...extraOperations }, verifySignature: verifierFor('cognito-idp') },
    AWSCognitoIdentityService: { operations: identityPoolOperations, verifySignature: verifierFor('cognito-identity') },
  });
  const sts = createStsHandler(context);
  const routes: Route[] = [
    async (request) => (request.method === 'OPTIONS' ? { status: 204 } : undefined),
    async (request) => ((request.method === 'POST' || request.method === 'GET') && isStsPath(pathOf(request.url)) ? sts(request, await readBody(request)) : undefined),
    async (request) => (request.method === 'POST' && isVerifySignaturePath(request.url) ? answerVerifySignature(context, request, await readBody(request)) : undefined),
    async (request) => (request.method === 'POST' ? jsonApi(request, await readBody(request)) : undefined),
    async (request) => (request.method === 'GET' && pathOf(request.url) === '/health' ? health(store) : undefined),
    wellKnownRoute(context),
    identityWellKnownRoute(context),
    ...(devOutbox ? [devOutboxRoute(context)] : []),
  ];

  const server = createServer((request, response) => {
    answer(request, routes).then(
      (result) => write(response, request, result),
      (error: unknown) => write(response, request, failure(error)),
    );
  });
  return {
    server,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The SDKs send `<endpoint>/` for an endpoint configured as `<server>/sts`. */
const isStsPath = (path: string) => path === '/sts' || path === '/sts/';

async function answer(request: IncomingMessage, routes: Route[]): Promise<HttpResponse> {
  for (const route of routes) {
    const result = await route(request);
    if (result) return result;
  }
  return json(404, { message: 'Not found' });
}

function write(response: ServerResponse, request: IncomingMessage, result: HttpResponse): void {
  response.writeHead(result.status, { ...corsHeaders(request), ...result.headers });
  response.end(result.body);
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Our own faults answer 500 without internals; a body over the limit is the client's. */
function failure(error: unknown): HttpResponse {
  if (error instanceof BodyTooLarge) {
    return json(413, { __type: 'InvalidParameterException', message: `The request body is larger than ${maxBodyBytes} bytes.` }, { connection: 'close' });
  }
  console.error('[error]', error);
  return json(500, { __type: 'InternalErrorException', message: 'An internal error occurred.' });
}

async function health(store: Store): Promise<HttpResponse> {
  try {
    await store.ping();
    return json(200, { status: 'ok' });
  } catch {
    return json(503, { status: 'unavailable' });
  }
}

function devOutboxRoute(context: Context): Route {
  return async (request) => {
    const path = request.method === 'GET' ? pathOf(request.url) : '';
    if (path === '/_dev/outbox.json') return json(200, await listOutbox(context.db));
    if (path === '/_dev/outbox') return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: renderOutboxPage(await listOutbox(context.db)) };
    return undefined;
  };
}
