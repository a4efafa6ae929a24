import { Sha256 } from '@aws-crypto/sha256-js';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SignatureV4 } from '@smithy/signature-v4';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AdminCredential } from '../../src/config/schema.js';
import { adminOperation } from '../../src/protocol/operation.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { firstClientId, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer, testAdminKey } from '../support/server.js';

// A stand-in admin operation, so these tests exercise the signature check alone whatever the real ListUserPools does.
const extraOperations = {
  ListUserPools: adminOperation(z.object({ MaxResults: z.number() }), async (_context, input) => ({ UserPools: [{ Id: 'us-east-1_probe', Name: `probe-${input.MaxResults}` }] })),
};

const mismatch =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const clientFor = (server: RunningServer, credential: AdminCredential) =>
  new CognitoIdentityProviderClient({
    region: 'eu-central-1',
    endpoint: server.url,
    credentials: { accessKeyId: credential.AccessKeyId, secretAccessKey: credential.SecretAccessKey },
    maxAttempts: 1,
  });

/** Headers the AWS signer produces for a JSON 1.1 call; fetch adds host and content-length itself, with the values signed here. */
async function signedHeaders(server: RunningServer, operation: string, body: string, credential: AdminCredential = testAdminKey): Promise<Record<string, string>> {
  const url = new URL(server.url);
  const signer = new SignatureV4({ service: 'cognito-idp', region: 'us-east-1', credentials: { accessKeyId: credential.AccessKeyId, secretAccessKey: credential.SecretAccessKey }, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'content-length': String(Buffer.byteLength(body)),
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body,
  } as never);
  const { host: _host, 'content-length': _length, ...headers } = signed.headers as Record<string, string>;
  return headers;
}

const post = (server: RunningServer, headers: Record<string, string>, body: string) => fetch(`${server.url}/`, { method: 'POST', headers, body });
const answerOf = async (response: Response) => ({ status: response.status, body: await response.json(), errorType: response.headers.get('x-amzn-errortype') });

describe.each(dialects)('SigV4 on admin operations (%s)', (dialect) => {
  const clock = new ManualClock();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { clock, extraOperations });
  });
  afterAll(() => server.close());

  it('serves an admin operation the SDK signs with the configured admin key, in any region', async () => {
    const { UserPools } = await sdkClient(server).send(new ListUserPoolsCommand({ MaxResults: 7 }));
    expect(UserPools).toEqual([{ Id: 'us-east-1_probe', Name: 'probe-7' }]);
    expect((await clientFor(server, testAdminKey).send(new ListUserPoolsCommand({ MaxResults: 3 }))).UserPools?.[0]?.Name).toBe('probe-3');
  });

  it('answers an unsigned admin call with MissingAuthenticationTokenException', async () => {
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' };
    expect(await answerOf(await post(server, headers, '{"MaxResults":1}'))).toEqual({
      status: 400,
      body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' },
      errorType: 'MissingAuthenticationTokenException:',
    });
  });

  it('answers a wrong secret with InvalidSignatureException and an unknown key with UnrecognizedClientException', async () => {
    expect(await rejection(clientFor(server, { AccessKeyId: 'AKIDTEST', SecretAccessKey: 'not-the-secret' }).send(new ListUserPoolsCommand({ MaxResults: 1 })))).toEqual({
      name: 'InvalidSignatureException',
      message: mismatch,
      status: 400,
    });
    expect(await rejection(clientFor(server, { AccessKeyId: 'AKIDSTRANGER', SecretAccessKey: 'test-secret' }).send(new ListUserPoolsCommand({ MaxResults: 1 })))).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      status: 400,
    });
  });

  it('answers a signature more than five minutes from the server clock with InvalidSignatureException', async () => {
    try {
      clock.advance(6 * 60_000);
      const late = await rejection(clientFor(server, testAdminKey).send(new ListUserPoolsCommand({ MaxResults: 1 })));
      expect(late).toMatchObject({ name: 'InvalidSignatureException', status: 400 });
      expect(late.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
      clock.advance(-12 * 60_000);
      const early = await rejection(clientFor(server, testAdminKey).send(new ListUserPoolsCommand({ MaxResults: 1 })));
      expect(early.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/);
    } finally {
      clock.advance(6 * 60_000);
    }
  });

  it('answers a body changed after signing with InvalidSignatureException', async () => {
    const headers = await signedHeaders(server, 'ListUserPools', '{"MaxResults":7}');
    expect((await answerOf(await post(server, headers, '{"MaxResults":7}'))).status).toBe(200);
    expect(await answerOf(await post(server, headers, '{"MaxResults":9}'))).toMatchObject({
      status: 400,
      body: { __type: 'InvalidSignatureException', message: "The provided 'x-amz-content-sha256' header does not match what was computed." },
    });
    const { 'x-amz-content-sha256': _hash, ...withoutHash } = headers;
    expect(await answerOf(await post(server, withoutHash, '{"MaxResults":9}'))).toMatchObject({ status: 400, body: { __type: 'InvalidSignatureException', message: mismatch } });
  });

  it('serves public operations whatever signature they carry', async () => {
    const email = uniqueEmail('signed');
    const body = JSON.stringify({ ClientId: firstClientId(server), Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] });
    const headers = await signedHeaders(server, 'SignUp', body, { AccessKeyId: 'AKIDSTRANGER', SecretAccessKey: 'whatever' });
    const answer = await answerOf(await post(server, headers, body));
    expect(answer.status).toBe(200);
    expect(answer.body.UserSub).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.each(dialects)('the generated development admin key (%s)', (dialect) => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('is created owner-only in the data directory when no key is configured, and reused on the next start', async () => {
    const first = await startTestServer(dialect, { adminKey: null, extraOperations });
    const devKey = first.devAdminKey!;
    expect(devKey.file).toMatch(/admin-key\.json$/);
    expect((await stat(devKey.file)).mode & 0o777).toBe(0o600);
    expect((await clientFor(first, devKey.credential).send(new ListUserPoolsCommand({ MaxResults: 2 }))).UserPools?.[0]?.Name).toBe('probe-2');
    expect((await rejection(sdkClient(first).send(new ListUserPoolsCommand({ MaxResults: 2 })))).name).toBe('UnrecognizedClientException');
    await first.close();

    const second = await startTestServer(dialect, { adminKey: null, dataDir: dirname(devKey.file), extraOperations });
    servers.push(second);
    expect(second.devAdminKey).toEqual(devKey);
    expect((await clientFor(second, devKey.credential).send(new ListUserPoolsCommand({ MaxResults: 4 }))).UserPools?.[0]?.Name).toBe('probe-4');
  });

  it('is not generated when a key is configured', async () => {
    const server = await startTestServer(dialect, { extraOperations });
    servers.push(server);
    expect(server.devAdminKey).toBeUndefined();
  });
});
