import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import { createTestDatabase, createTestDataDir } from '../support/databases.js';
import { killSpawnedServers, spawnServer, type SpawnedServer } from '../support/process-server.js';

const poolId = 'us-east-1_MultiProc1';
const clientId = 'multiprocclient0000000001';
const password = 'Correct-Horse-9-battery';
const publicUrl = 'http://cognate.multi-process.test';
/** Concurrent uses of one refresh token, alternating between the two processes. */
const attempts = 8;
const rounds = 3;

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'multi-process',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Clients: [
        {
          ClientId: clientId,
          ClientName: 'multi-process-app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
        },
      ],
    },
  ],
};

function sdkClient(url: string): CognitoIdentityProviderClient {
  // No retries: a retried refresh would blur which request won.
  return new CognitoIdentityProviderClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

describe('two server processes on one PostgreSQL database', () => {
  let databaseUrl: string;
  let db: pg.Client;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let sdkA: CognitoIdentityProviderClient;
  let sdkB: CognitoIdentityProviderClient;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const configPath = join(await createTestDataDir(), 'cognate.config.json');
    await writeFile(configPath, JSON.stringify(config));
    // As behind one load balancer: one master key, one store, one public URL (the tokens' issuer).
    const env = { DATABASE_URL: databaseUrl, COGNATE_MASTER_KEY: randomBytes(32).toString('hex'), COGNATE_PUBLIC_URL: publicUrl };
    // One after the other: B applies the config A already applied, which must change nothing.
    a = await spawnServer({ env, dataDir: await createTestDataDir(), configPath });
    b = await spawnServer({ env, dataDir: await createTestDataDir(), configPath });
    sdkA = sdkClient(a.url);
    sdkB = sdkClient(b.url);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    sdkA?.destroy();
    sdkB?.destroy();
    await db?.end();
    await killSpawnedServers();
  });

  async function latestCode(email: string): Promise<string> {
    const { rows } = await db.query<{ code: string | null }>('select code from outbox where recipient = $1 order by id desc limit 1', [email]);
    expect(rows[0]?.code, `a code sent to ${email}`).toMatch(/^\d{6}$/);
    return rows[0]!.code!;
  }

  async function signUpAndConfirm(via: CognitoIdentityProviderClient, email: string): Promise<void> {
    const signedUp = await via.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }));
    expect(signedUp.UserConfirmed).toBe(false);
    await via.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await latestCode(email) }));
  }

  function signIn(via: CognitoIdentityProviderClient, email: string) {
    return via.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));
  }

  it('both start, the second applying the config the first applied without duplicating anything', async () => {
    for (const server of [a, b]) {
      expect(server.stdout[0]).toContain('store postgres');
      await server.waitForLine(new RegExp(`user pool ${poolId} \\(multi-process\\)`));
      await server.waitForLine(new RegExp(`app client ${clientId} \\(multi-process-app\\)`));
    }
    expect(a.pid).not.toBe(b.pid);
    const count = async (table: string) => Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
    expect(await count('user_pools')).toBe(1);
    expect(await count('user_pool_clients')).toBe(1);
    // One ID-token key and one access-token key: B found A's and made none.
    expect(await count('signing_keys')).toBe(2);
  });

  it('publishes the same JWKS from both processes', async () => {
    const jwks = await Promise.all([a, b].map(async (server) => {
      const response = await fetch(`${server.url}/${poolId}/.well-known/jwks.json`);
      expect(response.status).toBe(200);
      return (await response.json()) as { keys: { kid: string }[] };
    }));
    expect(jwks[0]!.keys).toHaveLength(2);
    expect(jwks[1]).toEqual(jwks[0]);
  });

  it('signs in through B a user who signed up through A, and A accepts the tokens B issued', async () => {
    const email = 'ada@example.com';
    await signUpAndConfirm(sdkA, email);
    const signedIn = await signIn(sdkB, email);
    expect(signedIn.AuthenticationResult?.RefreshToken).toBeTruthy();
    const accessToken = signedIn.AuthenticationResult!.AccessToken!;
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8')) as { iss: string };
    expect(claims.iss).toBe(`${publicUrl}/${poolId}`);
    const user = await sdkA.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: email });
  });

  it('lets exactly one of concurrent uses of a refresh token through A and B rotate it', async () => {
    const email = 'grace@example.com';
    await signUpAndConfirm(sdkA, email);
    const original = (await signIn(sdkB, email)).AuthenticationResult!.RefreshToken!;
    const via = (i: number) => (i % 2 === 0 ? sdkA : sdkB);
    const refresh = (sdk: CognitoIdentityProviderClient, refreshToken: string) =>
      sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: refreshToken }));
    // Open the connections first, so that the racing requests reach the servers together instead of
    // staggered by TCP handshakes: concurrent calls through each process, refused for an unknown token.
    const warmUps = await Promise.allSettled(Array.from({ length: attempts }, (_, i) => refresh(via(i), 'not-a-refresh-token')));
    for (const warmUp of warmUps) expect(warmUp).toMatchObject({ status: 'rejected', reason: { name: 'NotAuthorizedException' } });

    // Each race has one chance of overlapping the requests closely enough to expose a lost update;
    // several rounds, each racing the token the last one left, make a miss unlikely.
    let refreshToken = original;
    for (let round = 1; round <= rounds; round++) {
      const outcomes = await Promise.allSettled(Array.from({ length: attempts }, (_, i) => refresh(via(i), refreshToken)));

      const summary = `round ${round}: ${JSON.stringify(outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as Error).name)))}`;
      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [{ i, result: outcome.value.AuthenticationResult }] : []));
      const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as Error).name] : []));
      expect(winners, summary).toHaveLength(1);
      expect(failures, summary).toHaveLength(attempts - 1);
      for (const name of failures) expect(['RefreshTokenReuseException', 'NotAuthorizedException'], summary).toContain(name);
      const [{ i: winner, result }] = winners as [(typeof winners)[number]];
      expect(result?.AccessToken).toBeTruthy();
      expect(result?.RefreshToken).toBeTruthy();
      expect(result!.RefreshToken).not.toBe(refreshToken);

      // The winner's new token works once more, through the process that did not issue it.
      const next = await refresh(via(winner + 1), result!.RefreshToken!);
      expect(next.AuthenticationResult?.AccessToken).toBeTruthy();
      expect(next.AuthenticationResult?.RefreshToken).toBeTruthy();
      expect(next.AuthenticationResult!.RefreshToken).not.toBe(result!.RefreshToken);
      refreshToken = next.AuthenticationResult!.RefreshToken!;
    }

    // The first token stays spent, in either process.
    for (const sdk of [sdkA, sdkB]) {
      await expect(refresh(sdk, original)).rejects.toMatchObject({ name: expect.stringMatching(/^(RefreshTokenReuseException|NotAuthorizedException)$/) });
    }
  });
});
