import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError } from '../errors.js';
import type { Operation } from '../protocol/operation.js';
import { parseInput } from '../protocol/validation.js';
import type { Context } from '../userpool/context.js';

/**
 * An AWS JSON 1.1 API: POST on any path, the operation named by `X-Amz-Target`
 * (`<service>.<Operation>`), a JSON object in and out, errors as `{__type, message}`.
 */
export function createJsonApiHandler(context: Context, services: Record<string, Record<string, Operation>>) {
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
      const body = parseBody(request.body);
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

function parseBody(raw: unknown): unknown {
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
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
