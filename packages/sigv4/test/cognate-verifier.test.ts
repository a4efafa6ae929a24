// A service on loopback behind sigv4Middleware, called with credentials a real Cognate vended
// (GetCredentialsForIdentity, AssumeRoleWithWebIdentity) and signed by the AWS SDK's own signer:
// the caller's identity, role and filled-in policy reach the handler; forged, expired, tampered and
// borrowed signatures are refused with AWS's codes.
import { Sha256 } from '@aws-crypto/sha256-js';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../server/src/config/schema.js';
import type { RunningServer } from '../../server/src/server.js';
import { roleIdOf } from '../../server/src/sts/roles.js';
import { dialects } from '../../server/test/support/databases.js';
import { ManualClock, startTestServer } from '../../server/test/support/server.js';
import { testConfig } from '../../server/test/support/test-config.js';
import { sigv4Middleware, verifyPath, type SignedIncomingMessage } from '../src/index.js';

const poolId = 'us-east-1:30000000-0000-4000-8000-000000000001';
const guestRole = 'arn:aws:iam::123456789012:role/photos-guest';
const service = 'photos';

const config: ConfigFile = {
  ...testConfig,
  IdentityPools: [{ Id: poolId, IdentityPoolName: 'photo viewers', AllowUnauthenticatedIdentities: true, Roles: { unauthenticated: guestRole } }],
  Roles: [
    {
      RoleArn: guestRole,
      Policies: [
        {
          PolicyName: 'own-folder',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'photos:Get', Resource: 'arn:aws:photos:::album/${cognito-identity.amazonaws.com:sub}/*' },
              { Effect: 'Allow', Action: 'photos:List', Resource: '*', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': '${cognito-identity.amazonaws.com:aud}' } } },
            ],
          },
        },
      ],
    },
  ],
};

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

describe.each(dialects)('@cognate/sigv4 against a real server (%s)', (dialect) => {
  const clock = new ManualClock();
  let cognate: RunningServer;
  let photos: Server;
  let photosUrl: string;

  const identity = () =>
    new CognitoIdentityClient({ region: 'us-east-1', endpoint: `${cognate.url}/identity`, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' }, maxAttempts: 1, systemClockOffset: clock.now() - Date.now() });

  async function guest(): Promise<Credentials & { identityId: string }> {
    const { IdentityId } = await identity().send(new GetIdCommand({ IdentityPoolId: poolId }));
    const { Credentials } = await identity().send(new GetCredentialsForIdentityCommand({ IdentityId }));
    return { identityId: IdentityId!, accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! };
  }

  /** Signs as the SDK signs, at the server's time; `tamper` changes the request after signing. */
  async function call(credentials: Partial<Credentials>, options: { body?: string; scope?: string; tamper?: (headers: Record<string, string>) => string | void } = {}) {
    const body = options.body ?? '{"album":"holidays"}';
    const url = new URL(`${photosUrl}/albums?view=grid`);
    const signer = new SignatureV4({ service: options.scope ?? service, region: 'eu-west-1', credentials: credentials as Credentials, sha256: Sha256 });
    const signed = await signer.sign(
      { method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: { view: 'grid' }, headers: { host: url.host, 'content-type': 'application/json' }, body },
      { signingDate: new Date(clock.now()) },
    );
    const headers = { ...(signed.headers as Record<string, string>) };
    const sentBody = options.tamper?.(headers) ?? body;
    const response = await fetch(url, { method: 'POST', headers, body: sentBody });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    cognate = await startTestServer(dialect, { config, clock });
    const verify = sigv4Middleware({ endpoint: cognate.url, service, now: () => clock.now() });
    photos = createServer((request, response) =>
      verify(request, response, (error) => {
        if (error) return response.writeHead(500).end(JSON.stringify({ error: String(error) }));
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ caller: (request as SignedIncomingMessage).caller, body: (request as { rawBody?: Buffer }).rawBody?.toString() }));
      }),
    );
    await new Promise<void>((resolve) => photos.listen(0, '127.0.0.1', resolve));
    photosUrl = `http://127.0.0.1:${(photos.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => photos?.close(resolve));
    await cognate?.close();
  });

  it('lets a signed request through with its identity, role session and the policy filled in for it', async () => {
    const credentials = await guest();
    const { status, body } = await call(credentials);
    expect(status).toBe(200);
    expect(body.body).toBe('{"album":"holidays"}');
    expect(body.caller).toEqual({
      accessKeyId: credentials.accessKeyId,
      identityId: credentials.identityId,
      identityPoolId: poolId,
      authenticated: false,
      amr: ['unauthenticated'],
      roleArn: guestRole,
      assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/photos-guest/CognitoIdentityCredentials',
      userId: `${roleIdOf(guestRole)}:CognitoIdentityCredentials`,
      account: '123456789012',
      expiration: new Date(Math.floor(clock.now() / 1000) * 1000 + 3600_000).toISOString(),
      policies: [
        {
          policyName: 'own-folder',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'photos:Get', Resource: `arn:aws:photos:::album/${credentials.identityId}/*` },
              { Effect: 'Allow', Action: 'photos:List', Resource: '*', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId } } },
            ],
          },
        },
      ],
    });
  });

  it('keeps the session name AssumeRoleWithWebIdentity was given', async () => {
    const { IdentityId } = await identity().send(new GetIdCommand({ IdentityPoolId: poolId }));
    const { Token } = await identity().send(new GetOpenIdTokenCommand({ IdentityId }));
    const sts = new STSClient({ region: 'us-east-1', endpoint: `${cognate.url}/sts`, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1, systemClockOffset: clock.now() - Date.now() });
    const { Credentials } = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: guestRole, RoleSessionName: 'gallery-app', WebIdentityToken: Token! }));
    const { status, body } = await call({ accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! });
    expect(status).toBe(200);
    expect(body.caller).toMatchObject({ identityId: IdentityId, assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/photos-guest/gallery-app', amr: ['unauthenticated'] });
  });

  it('refuses a wrong secret, a changed body, a session token of other credentials and no session token', async () => {
    const credentials = await guest();
    const other = await guest();
    expect(await call({ ...credentials, secretAccessKey: 'not-the-secret' })).toMatchObject({ status: 403, body: { __type: 'SignatureDoesNotMatch' } });
    expect(await call(credentials, { tamper: () => '{"album":"someone-else"}' })).toMatchObject({
      status: 403,
      body: { __type: 'InvalidSignatureException', message: "The provided 'x-amz-content-sha256' header does not match what was computed." },
    });
    expect(await call(credentials, { tamper: (headers) => void (headers['x-amz-security-token'] = other.sessionToken) })).toMatchObject({
      status: 403,
      body: { __type: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' },
    });
    expect(await call({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey })).toMatchObject({ status: 403, body: { __type: 'InvalidClientTokenId' } });
  });

  it('refuses a signature scoped to another service, and an unsigned request', async () => {
    const credentials = await guest();
    expect(await call(credentials, { scope: 's3' })).toMatchObject({ status: 403, body: { __type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'photos'." } });
    const response = await fetch(`${photosUrl}/albums`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('refuses credentials once they expire', async () => {
    const credentials = await guest();
    expect((await call(credentials)).status).toBe(200);
    clock.advance(3600_000);
    expect(await call(credentials)).toMatchObject({ status: 403, body: { __type: 'ExpiredToken', message: 'The security token included in the request is expired' } });
  });

  describe(`Cognate's ${verifyPath}`, () => {
    const post = async (body: string) => {
      const response = await fetch(`${cognate.url}${verifyPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it('answers malformed claims with 400, never a 500', async () => {
      const credentials = await guest();
      const claim = { AccessKeyId: credentials.accessKeyId, SessionToken: credentials.sessionToken, StringToSign: 'AWS4-HMAC-SHA256\nnot a date', Signature: '0'.repeat(64) };
      expect(await post('{')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
      expect(await post('[]')).toMatchObject({ status: 400, body: { __type: 'ValidationError' } });
      expect(await post(JSON.stringify({ ...claim, Signature: 'zz' }))).toMatchObject({ status: 400, body: { __type: 'ValidationError', message: expect.stringContaining('Signature') } });
      expect(await post(JSON.stringify(claim))).toMatchObject({ status: 403, body: { __type: 'IncompleteSignature' } });
    });

    it('refuses a string to sign dated in the future', async () => {
      const credentials = await guest();
      const later = new Date(clock.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
      const stringToSign = ['AWS4-HMAC-SHA256', later, `${later.slice(0, 8)}/eu-west-1/photos/aws4_request`, 'a'.repeat(64)].join('\n');
      const answer = await post(JSON.stringify({ AccessKeyId: credentials.accessKeyId, SessionToken: credentials.sessionToken, StringToSign: stringToSign, Signature: '0'.repeat(64) }));
      expect(answer).toMatchObject({ status: 403, body: { __type: 'SignatureDoesNotMatch', message: expect.stringContaining('Signature not yet current') } });
    });
  });
});
