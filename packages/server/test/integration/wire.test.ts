import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { firstClientId, firstPoolId, rejection } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';

const target = (operation: string) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` });

describe.each(dialects)('the JSON 1.1 wire (%s)', (dialect) => {
  let server: RunningServer;
  const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${server.url}${path}`, { method: 'POST', headers, body });
  const errorOf = async (response: Response) => ({ status: response.status, body: await response.json(), errorType: response.headers.get('x-amzn-errortype') });

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('answers an unknown operation with 400 UnknownOperationException, on any path', async () => {
    for (const path of ['/', '/some/prefix', '/some/prefix/']) {
      expect(await errorOf(await post(path, target('LaunchRockets'), '{}'))).toEqual({
        status: 400,
        body: { __type: 'UnknownOperationException', message: 'Unknown operation AWSCognitoIdentityProviderService.LaunchRockets' },
        errorType: 'UnknownOperationException:',
      });
    }
    expect((await errorOf(await post('/', { 'content-type': 'application/x-amz-json-1.1' }, '{}'))).body.__type).toBe('UnknownOperationException');
    expect((await errorOf(await post('/', target('constructor'), '{}'))).body.__type).toBe('UnknownOperationException');
  });

  it('answers malformed JSON, a non-object body and a member of the wrong type with 400 SerializationException', async () => {
    expect(await errorOf(await post('/', target('SignUp'), '{"ClientId":'))).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(await errorOf(await post('/', target('SignUp'), '[1,2]'))).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(await errorOf(await post('/', target('SignUp'), JSON.stringify({ ClientId: 7, Username: 'u', Password: 'p' })))).toMatchObject({
      status: 400,
      body: { __type: 'SerializationException', message: "Unexpected value type at 'clientId': expected string" },
    });
  });

  it('words missing and out-of-range members as AWS validation errors, hiding sensitive values', async () => {
    expect((await errorOf(await post('/', target('SignUp'), '{}'))).body).toEqual({
      __type: 'InvalidParameterException',
      message:
        "2 validation errors detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
    });
    const tooLong = JSON.stringify({ ClientId: firstClientId(server), Username: 'u@example.com', Password: 'x'.repeat(300) });
    expect((await errorOf(await post('/', target('SignUp'), tooLong))).body).toEqual({
      __type: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
    });
  });

  it('refuses a body over 1 MB with 413, and answers messages that echo non-ASCII input', async () => {
    const huge = await post('/', target('SignUp'), JSON.stringify({ ClientId: 'x', Username: 'u', Password: 'p'.repeat(1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ __type: 'InvalidParameterException', message: 'The request body is larger than 1048576 bytes.' });
    const accented = await post('/', target('SignUp'), JSON.stringify({ ClientId: firstClientId(server), Username: 'ë'.repeat(129), Password: 'Zoë-password-1' }));
    const message = `1 validation error detected: Value '${'ë'.repeat(129)}' at 'username' failed to satisfy constraint: Member must have length less than or equal to 128`;
    expect(accented.status).toBe(400);
    expect(accented.headers.get('x-amzn-errormessage')).toBe(message.replaceAll('ë', '?'));
    expect(await accented.json()).toEqual({ __type: 'InvalidParameterException', message });
  });

  it('treats explicit nulls as absent, as amazon-cognito-identity-js sends them', async () => {
    const body = JSON.stringify({ ClientId: firstClientId(server), Username: 'nulls@example.com', Password: 'Null-values-1', ValidationData: null, UserAttributes: null });
    const response = await post('/', target('SignUp'), body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ UserConfirmed: false });
  });

  it('answers every success with a JSON object and a request id', async () => {
    const response = await post('/', target('ResendConfirmationCode'), JSON.stringify({ ClientId: firstClientId(server), Username: 'nulls@example.com' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toHaveProperty('CodeDeliveryDetails');
  });

  it('lets browsers call cross-origin: preflight and exposed headers', async () => {
    const preflight = await fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent,x-custom' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,x-amz-user-agent,x-custom');
    const response = await post('/', { ...target('GetUser'), origin: 'http://localhost:5173' }, '{"AccessToken":"x"}');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date');
  });

  it('serves the pool JWKS and OpenID discovery under the issuer, and health', async () => {
    const poolId = firstPoolId(server);
    const jwks = (await (await fetch(`${server.url}/${poolId}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) expect(key).toEqual({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    const discovery = (await (await fetch(`${server.url}/${poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: `${server.url}/${poolId}`, jwks_uri: `${server.url}/${poolId}/.well-known/jwks.json` });
    expect((await fetch(`${server.url}/us-east-1_Nope/.well-known/jwks.json`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('accepts the AWS SDK with an endpoint path, which it sends with a trailing slash', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: `${server.url}/cognito`, maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    expect(await rejection(client.send(new GetUserCommand({ AccessToken: 'not-a-token' })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
  });

  it('answers a fault of its own with 500 InternalErrorException and no internals, and health with 503', async () => {
    const broken = await startTestServer(dialect);
    await broken.store.close();
    try {
      const response = await fetch(`${broken.url}/`, { method: 'POST', headers: target('SignUp'), body: JSON.stringify({ ClientId: 'abc', Username: 'u@example.com', Password: 'Aa1!aaaa' }) });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ __type: 'InternalErrorException', message: 'An internal error occurred.' });
      expect((await fetch(`${broken.url}/health`)).status).toBe(503);
    } finally {
      await broken.app.close();
    }
  });
});
