// STS at /sts through @aws-sdk/client-sts against a real server: credentials from
// GetCredentialsForIdentity and from AssumeRoleWithWebIdentity are verified by GetCallerIdentity
// (signature, expiry, session token), and what STS answers when they are not good.
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { roleIdOf } from '../../src/sts/roles.js';
import { dialects } from '../support/databases.js';
import { rejection } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const poolId = 'us-east-1:20000000-0000-4000-8000-000000000001';
const guestRole = 'arn:aws:iam::123456789012:role/service/identity-guest';
const authenticatedRole = 'arn:aws:iam::123456789012:role/identity-authenticated';

const config: ConfigFile = {
  ...testConfig,
  IdentityPools: [
    {
      Id: poolId,
      IdentityPoolName: 'sts guests',
      AllowUnauthenticatedIdentities: true,
      Roles: { authenticated: authenticatedRole, unauthenticated: guestRole },
    },
  ],
};

interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

describe.each(dialects)('STS at /sts (%s)', (dialect) => {
  const clock = new ManualClock();
  let server: RunningServer;
  /** Made anew for each call: the clock moves, and the SDK must sign at the server's time. */
  const identity = () =>
    new CognitoIdentityClient({ region: 'us-east-1', endpoint: `${server.url}/identity`, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' }, maxAttempts: 1, systemClockOffset: clock.now() - Date.now() });
  const sts = (credentials: StsCredentials = { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x', sessionToken: 'x' }) =>
    new STSClient({ region: 'eu-west-1', endpoint: `${server.url}/sts`, credentials, maxAttempts: 1, systemClockOffset: clock.now() - Date.now() });

  async function guestCredentials(): Promise<StsCredentials & { identityId: string }> {
    const { IdentityId } = await identity().send(new GetIdCommand({ IdentityPoolId: poolId }));
    const { Credentials } = await identity().send(new GetCredentialsForIdentityCommand({ IdentityId }));
    return { identityId: IdentityId!, accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! };
  }
  const callerIdentity = (credentials: StsCredentials) => sts(credentials).send(new GetCallerIdentityCommand({}));

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('GetCallerIdentity', () => {
    it('answers the role session of credentials from GetCredentialsForIdentity', async () => {
      const credentials = await guestCredentials();
      const result = await callerIdentity(credentials);
      expect(result).toMatchObject({
        Arn: 'arn:aws:sts::123456789012:assumed-role/identity-guest/CognitoIdentityCredentials',
        UserId: `${roleIdOf(guestRole)}:CognitoIdentityCredentials`,
        Account: '123456789012',
      });
      expect(result.UserId).toMatch(/^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/);
      expect(result.$metadata.requestId).toEqual(expect.any(String));
    });

    it('names the identity in the x-cognate-identity-id header', async () => {
      const credentials = await guestCredentials();
      const client = sts(credentials);
      let identityHeader: string | undefined;
      client.middlewareStack.add(
        (next) => async (args) => {
          const out = await next(args);
          identityHeader = (out.response as { headers: Record<string, string> }).headers['x-cognate-identity-id'];
          return out;
        },
        { step: 'deserialize' },
      );
      await client.send(new GetCallerIdentityCommand({}));
      expect(identityHeader).toBe(credentials.identityId);
    });

    it('refuses them after they expire', async () => {
      const credentials = await guestCredentials();
      clock.advance(3600_000 + 1000);
      expect(await rejection(callerIdentity(credentials))).toEqual({ name: 'ExpiredToken', message: 'The security token included in the request is expired', status: 403 });
    });

    it('refuses a signature made with another secret', async () => {
      const credentials = await guestCredentials();
      expect(await rejection(callerIdentity({ ...credentials, secretAccessKey: `${credentials.secretAccessKey}x` }))).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    });

    it('refuses a session token of another identity, an unknown one and none', async () => {
      const mine = await guestCredentials();
      const theirs = await guestCredentials();
      const invalid = { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 };
      expect(await rejection(callerIdentity({ ...mine, sessionToken: theirs.sessionToken }))).toEqual(invalid);
      expect(await rejection(callerIdentity({ ...mine, sessionToken: `cognate1.${Buffer.alloc(32).toString('base64url')}` }))).toEqual(invalid);
      const { sessionToken: _, ...withoutToken } = mine;
      expect(await rejection(sts(withoutToken as StsCredentials).send(new GetCallerIdentityCommand({})))).toEqual(invalid);
    });

    it('answers unsigned requests and unknown actions in the Query protocol', async () => {
      const post = (body: string) => fetch(`${server.url}/sts`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      const unsigned = await post('Action=GetCallerIdentity&Version=2011-06-15');
      expect(unsigned.status).toBe(403);
      expect(await unsigned.text()).toMatch(
        /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>Request is missing Authentication Token<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
      );
      const unknown = await post('Action=GetSessionToken&Version=2011-06-15');
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain('<Code>InvalidAction</Code><Message>Could not find operation GetSessionToken for version 2011-06-15</Message>');
    });
  });

  describe('AssumeRoleWithWebIdentity', () => {
    async function openIdToken() {
      const { IdentityId } = await identity().send(new GetIdCommand({ IdentityPoolId: poolId }));
      const { Token } = await identity().send(new GetOpenIdTokenCommand({ IdentityId }));
      return { identityId: IdentityId!, token: Token! };
    }
    const assume = (WebIdentityToken: string, RoleArn = guestRole, DurationSeconds?: number) =>
      sts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn, RoleSessionName: 'web-session', WebIdentityToken, DurationSeconds }));

    it('exchanges a GetOpenIdToken token for credentials that GetCallerIdentity accepts', async () => {
      const { identityId, token } = await openIdToken();
      const result = await assume(token, guestRole, 900);
      expect(result).toMatchObject({
        Credentials: { AccessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/), SecretAccessKey: expect.any(String), SessionToken: expect.stringMatching(/^cognate1\./), Expiration: new Date(Math.floor(clock.now() / 1000) * 1000 + 900_000) },
        SubjectFromWebIdentityToken: identityId,
        AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/identity-guest/web-session', AssumedRoleId: `${roleIdOf(guestRole)}:web-session` },
        Provider: `${server.url}/identity`,
        Audience: poolId,
      });
      const { AccessKeyId, SecretAccessKey, SessionToken } = result.Credentials!;
      expect(await callerIdentity({ accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey!, sessionToken: SessionToken! })).toMatchObject({
        Arn: 'arn:aws:sts::123456789012:assumed-role/identity-guest/web-session',
        UserId: `${roleIdOf(guestRole)}:web-session`,
        Account: '123456789012',
      });
    });

    it('refuses a forged token, an expired one, a role the pool does not offer guests and a bad duration', async () => {
      const { token } = await openIdToken();
      const [header, payload] = token.split('.');
      const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), sub: 'us-east-1:00000000-0000-4000-8000-000000000000' })).toString('base64url');
      expect(await rejection(assume(`${header}.${forgedPayload}.${token.split('.')[2]}`))).toMatchObject({ name: 'InvalidIdentityTokenException', status: 400 });
      expect(await rejection(assume('not-a-token'))).toMatchObject({ name: 'InvalidIdentityTokenException', status: 400 });
      expect(await rejection(assume(token, authenticatedRole))).toMatchObject({ name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', status: 403 });
      expect(await rejection(assume(token, guestRole, 60))).toMatchObject({ name: 'ValidationError', status: 400 });
      clock.advance(600_000);
      expect(await rejection(assume(token))).toMatchObject({ name: 'ExpiredTokenException', status: 400 });
    });
  });
});
