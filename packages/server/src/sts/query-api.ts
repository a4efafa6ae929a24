import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HttpResponse } from '../http/response.js';
import type { Context } from '../userpool/context.js';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity.js';
import { StsError, stsFail } from './errors.js';
import { getCallerIdentity } from './get-caller-identity.js';
import type { StsOperation } from './operation.js';
import { verifyVendedSignature } from './verify-signature.js';
import { escapeXml, renderXml } from './xml.js';

const apiVersion = '2011-06-15';
const namespace = `https://sts.amazonaws.com/doc/${apiVersion}/`;

export const stsOperations: Record<string, StsOperation> = {
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  GetCallerIdentity: getCallerIdentity,
};

/**
 * STS's Query protocol: `Action` and `Version` with the operation's members as form fields (in the
 * body or the query string), answers as `<ActionResponse>` XML, errors as `<ErrorResponse>`.
 */
export function createStsHandler(context: Context) {
  return async function handleSts(request: IncomingMessage, body: Buffer): Promise<HttpResponse> {
    const requestId = randomUUID();
    try {
      const params = parametersOf(request.url ?? '/', body);
      const action = params.get('Action') ?? '';
      const version = params.get('Version');
      const operation = version === apiVersion && Object.hasOwn(stsOperations, action) ? stsOperations[action] : undefined;
      if (!operation) return stsFail('InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`);
      const caller = operation.signed
        ? await verifyVendedSignature(context, { method: request.method ?? 'POST', url: request.url ?? '/', rawHeaders: request.rawHeaders, body })
        : undefined;
      const answer = await operation.handle(context, { params, ...(caller ? { caller } : {}) });
      const xml = `<${action}Response xmlns="${namespace}">${renderXml({ [`${action}Result`]: answer.result, ResponseMetadata: { RequestId: requestId } })}</${action}Response>`;
      return xmlResponse(200, requestId, xml, answer.headers);
    } catch (error) {
      const stsError = error instanceof StsError ? error : internalFailure(error, requestId);
      const fault = renderXml({ Type: stsError.faultType, Code: stsError.code, Message: stsError.message });
      return xmlResponse(stsError.httpStatus, requestId, `<ErrorResponse xmlns="${namespace}"><Error>${fault}</Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`);
    }
  };
}

function parametersOf(url: string, body: Buffer): URLSearchParams {
  const queryStart = url.indexOf('?');
  const params = new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.set(name, value);
  return params;
}

const xmlResponse = (status: number, requestId: string, xml: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...headers },
  body: xml,
});

function internalFailure(error: unknown, requestId: string): StsError {
  console.error(`[error] request ${requestId}:`, error);
  return new StsError('InternalFailure', 'An internal error occurred.');
}
