import type { IncomingMessage } from 'node:http';

/** Browser clients call cross-origin with non-simple headers (reference §1.4); none send cookies. */
export const exposedHeaders = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';

export function corsHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = { 'access-control-allow-origin': '*', 'access-control-expose-headers': exposedHeaders };
  if (request.method === 'OPTIONS') {
    // Amplify adds whatever headers the app configures, so the preflight allows what it is asked for.
    const requested = request.headers['access-control-request-headers'];
    headers['access-control-allow-methods'] = 'GET,POST,OPTIONS';
    headers['access-control-allow-headers'] = requested || 'content-type,x-amz-target,x-amz-user-agent,authorization';
    headers['access-control-max-age'] = '86400';
  }
  return headers;
}
