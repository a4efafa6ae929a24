import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VerifiedCaller } from './caller.js';
import { createCognateVerifier, type CognateVerifierOptions } from './cognate-verifier.js';
import { SignatureError } from './errors.js';

/** A request the middleware let through: `caller` says who signed it. */
export type SignedIncomingMessage = IncomingMessage & { caller: VerifiedCaller };

type Next = (error?: unknown) => void;

/** What body parsers (express.raw, fastify's rawBody plugin) leave on the request. */
interface ParsedRequest extends IncomingMessage {
  body?: unknown;
  rawBody?: unknown;
  originalUrl?: string;
  caller?: VerifiedCaller;
}

/** Bodies larger than this are refused before they are hashed. */
const defaultMaxBodyBytes = 10 * 1024 * 1024;

/**
 * Connect-style middleware (Express, Connect, or plain node:http with a `next`): a request whose
 * signature holds goes on with `request.caller` set; any other gets the error AWS would answer, as
 * JSON. Mount it before body parsers, or after `express.raw()`: the signature covers the raw body,
 * which it keeps as `request.rawBody`.
 */
export function sigv4Middleware(options: CognateVerifierOptions & { maxBodyBytes?: number }) {
  const verify = createCognateVerifier(options);
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;

  return function verifySignature(request: IncomingMessage, response: ServerResponse, next: Next): void {
    const parsed = request as ParsedRequest;
    rawBodyOf(parsed, maxBodyBytes)
      .then((body) => verify({ method: request.method ?? 'GET', url: parsed.originalUrl ?? request.url ?? '/', rawHeaders: request.rawHeaders, body }))
      .then(
        (caller) => {
          parsed.caller = caller;
          next();
        },
        (error: unknown) => {
          if (!(error instanceof SignatureError)) return next(error);
          response.writeHead(error.status, { 'content-type': 'application/json' }).end(JSON.stringify({ __type: error.code, message: error.message }));
        },
      );
  };
}

async function rawBodyOf(request: ParsedRequest, maxBodyBytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  if (Buffer.isBuffer(request.body)) return request.body;
  if (request.body !== undefined || request.readableEnded) {
    throw new Error('sigv4Middleware needs the raw body: mount it before body parsers, or after express.raw()');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new SignatureError('IncompleteSignatureException', `The request body is larger than ${maxBodyBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  request.rawBody = body;
  return body;
}
