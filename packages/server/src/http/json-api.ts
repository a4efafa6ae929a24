import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError } from '../errors.js';
import type { Operation } from '../protocol/operation.js';
import { parseInput } from '../protocol/validation.js';
import type { Context } from '../userpool/context.js';
import type { SignatureVerifier } from './sigv4/verifier.js';

/**
 * An AWS JSON 1.1 API: POST on any path, the operation named by `X-Amz-Target`
 * (`<service>.<Operation>`), a JSON object in and out, errors as `{__type, message}`. Operations
 * with `sigv4` auth are served only to requests `verifySignature` accepts; the others ignore any
 * signature, as Cognito does.
 */
export function createJsonApiHandler(context: Context, services: Record<string, Record<string, Operation>>, verifySignature: SignatureVerifier) {
  return async function handleJsonApi(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const requestId = randomUUID();
    reply.header('x-amzn-requestid', requestId);
    reply.header('content-type', 'application/x-amz-json-1.1');
    try {
      const [service, name] = String(request.headers['x-amz-target'] ?? '').split('.');
      const operation = service && name && Object.hasOwn(services, service) ? services[service]![name] : undefined;
      if (!operation || !Object.hasOwn(services[service!]!, name!)) {
        throw new CognitoError('UnknownOperationException', `Unknown operation ${String(request.headers['x-amz-target'] ?? '')}`.trim());
      }
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (operation.auth === 'sigv4') verifySignature({ method: request.method, url: request.raw.url ?? '/', rawHeaders: request.raw.rawHeaders, body: bytes });
      const body = parseBody(bytes);
      const result = await operation.handle(context, parseInput(operation.input, body));
      await reply.send(Buffer.from(JSON.stringify(result)));
    } catch (error) {
      const cognitoError = error instanceof CognitoError ? error : internalError(error, requestId);
      reply.code(cognitoError.httpStatus);
      reply.header('x-amzn-errortype', `${cognitoError.type}:`);
      reply.header('x-amzn-errormessage', cognitoError.message);
      await reply.send(Buffer.from(JSON.stringify({ __type: cognitoError.type, message: cognitoError.message })));
    }
  };
}

function parseBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CognitoError('SerializationException', 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new CognitoError('SerializationException', 'The request body must be a JSON object.');
  }
  return body;
}

function internalError(error: unknown, requestId: string): CognitoError {
  console.error(`[error] request ${requestId}:`, error);
  return new CognitoError('InternalErrorException', 'An internal error occurred.');
}
