import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CognitoError } from '../errors.js';
import type { Operation } from '../protocol/operation.js';
import { parseInput } from '../protocol/validation.js';
import type { Context } from '../userpool/context.js';
import type { HttpResponse } from './response.js';
import type { SignatureVerifier } from './sigv4/verifier.js';

/** One target prefix: its operations and the check of the SigV4 signature (its own signing name) its admin operations need. */
export interface JsonApiService {
  operations: Record<string, Operation>;
  verifySignature: SignatureVerifier;
}

/**
 * An AWS JSON 1.1 API: POST on any path, the operation named by `X-Amz-Target`
 * (`<service>.<Operation>`), a JSON object in and out, errors as `{__type, message}`. Operations
 * with `sigv4` auth are served only to requests their service's verifier accepts; the others ignore
 * any signature, as Cognito does.
 */
export function createJsonApiHandler(context: Context, services: Record<string, JsonApiService>) {
  return async function handleJsonApi(request: IncomingMessage, bytes: Buffer): Promise<HttpResponse> {
    const requestId = randomUUID();
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId };
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      const [service, name] = target.split('.');
      const api = service && Object.hasOwn(services, service) ? services[service]! : undefined;
      const operation = api && name && Object.hasOwn(api.operations, name) ? api.operations[name] : undefined;
      if (!api || !operation) throw new CognitoError('UnknownOperationException', `Unknown operation ${target}`.trim());
      if (operation.auth === 'sigv4') api.verifySignature({ method: request.method ?? 'POST', url: request.url ?? '/', rawHeaders: request.rawHeaders, body: bytes });
      const result = await operation.handle(context, parseInput(operation.input, parseBody(bytes)));
      return { status: 200, headers, body: JSON.stringify(result) };
    } catch (error) {
      const cognitoError = error instanceof CognitoError ? error : internalError(error, requestId);
      return {
        status: cognitoError.httpStatus,
        headers: { ...headers, 'x-amzn-errortype': `${cognitoError.type}:`, 'x-amzn-errormessage': asciiHeader(cognitoError.message) },
        body: JSON.stringify({ __type: cognitoError.type, message: cognitoError.message }),
      };
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

/** Header values must be printable ASCII; a message that echoes user input may not be. */
const asciiHeader = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');
