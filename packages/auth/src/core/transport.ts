import { AuthError, type AuthErrorName } from '../errors.js';
import type { AuthContext } from './context.js';

/**
 * One call of the user-pool JSON API (reference §1.1): POST to the endpoint, the operation in
 * `X-Amz-Target`. Errors become AuthError with the server's exception name and message.
 */
export const callUserPool = <Output = Record<string, any>>(ctx: AuthContext, operation: string, input: object): Promise<Output> =>
  callJsonApi(ctx, ctx.config.endpoint, `AWSCognitoIdentityProviderService.${operation}`, input, ctx.headers);

/** One call of the identity-pool JSON API (reference §5.1), framed as the user-pool one; none is signed. */
export const callIdentityPool = <Output = Record<string, any>>(ctx: AuthContext, endpoint: string, operation: string, input: object): Promise<Output> =>
  callJsonApi(ctx, endpoint, `AWSCognitoIdentityService.${operation}`, input);

async function callJsonApi<Output>(ctx: AuthContext, endpoint: string, target: string, input: object, headers?: AuthContext['headers']): Promise<Output> {
  let response: Response;
  try {
    response = await ctx.fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
        'cache-control': 'no-store',
        ...(await headers?.()),
      },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new AuthError({ name: 'NetworkError', message: 'A network error has occurred.', underlyingError: error });
  }
  const text = await response.text();
  let body: Record<string, any> = {};
  try {
    if (text) body = JSON.parse(text);
  } catch (error) {
    if (response.ok) throw new AuthError({ name: 'Unknown', message: 'An unknown error has occurred.', underlyingError: error });
  }
  if (response.status < 300) return body as Output;
  // As Amplify's parseJsonError (reference §1.3): header, then body; keep what precedes `:` or `,`, after `#`.
  const raw = String(response.headers.get('x-amzn-errortype') ?? body.code ?? body.__type ?? 'UnknownError');
  const name = raw.split(/[,:]+/)[0]!.split('#').pop()!;
  throw new AuthError({
    name: (name === 'Error' ? 'Unknown' : name) as AuthErrorName,
    message: body.message ?? body.Message ?? 'Unknown error',
    metadata: { httpStatusCode: response.status, requestId: response.headers.get('x-amzn-requestid') ?? undefined },
  });
}
