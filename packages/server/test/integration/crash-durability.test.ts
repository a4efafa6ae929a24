import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestDataDir, dialects } from '../support/databases.js';
import { killSpawnedServers, spawnServer, type SpawnedServer } from '../support/process-server.js';

const password = 'Correct-Horse-9-battery';
const total = 60;
const concurrency = 12;
const killAfterSuccesses = 25;

function sdkClient(url: string): CognitoIdentityProviderClient {
  // No retries: a request cut off by the kill must fail, not be resent to a dead port.
  return new CognitoIdentityProviderClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

/** The default config's app client, from the startup banner ("    app client <id> (cognate-app)"). */
async function appClientId(server: SpawnedServer): Promise<string> {
  const pattern = /app client (\S+) \(cognate-app\)/;
  return pattern.exec(await server.waitForLine(pattern))![1]!;
}

describe.each(dialects)('a server killed with SIGKILL in the middle of a sign-up burst (%s)', (dialect) => {
  afterEach(killSpawnedServers);

  // Two server starts, 60 sign-ups and two calls per acknowledged user, each hashing a password.
  it('keeps every sign-up it acknowledged: each confirms with its code and signs in after a restart', { timeout: 90_000 }, async () => {
    const dataDir = await createTestDataDir();
    // The master key is the file the first start creates in the data dir; the restart reads it back.
    const env = dialect === 'postgres' ? { DATABASE_URL: await createTestDatabase() } : {};
    const first = await spawnServer({ env, dataDir });
    expect(first.stdout[0]).toContain(`store ${dialect}`);
    const clientId = await appClientId(first);
    const sdk = sdkClient(first.url);

    const acknowledged: string[] = [];
    const failedBeforeKill: string[] = [];
    let started = 0;
    let settled = 0;
    let killed = false;
    let inFlightAtKill = -1;
    const worker = async () => {
      while (!killed && started < total) {
        const email = `burst-${started++}@example.com`;
        try {
          await sdk.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }));
          // A success is an acknowledgement even if it arrives after the kill was sent.
          acknowledged.push(email);
          if (!killed && acknowledged.length === killAfterSuccesses) {
            killed = true;
            inFlightAtKill = started - settled - 1;
            first.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) failedBeforeKill.push(`${email}: ${String(error)}`);
        } finally {
          settled++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    sdk.destroy();

    expect(failedBeforeKill).toEqual([]);
    expect(killed).toBe(true);
    // The kill really landed mid-burst: other sign-ups were still waiting for their answers.
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfterSuccesses);
    expect(await first.exited).toBeNull();
    if (process.env.COGNATE_TEST_VERBOSE) {
      console.log(`[test] ${dialect}: killed with ${inFlightAtKill} sign-ups in flight; ${acknowledged.length} of ${started} started were acknowledged`);
    }

    const second = await spawnServer({ env, dataDir });
    expect(await appClientId(second)).toBe(clientId);
    const outbox = (await (await fetch(`${second.url}/_dev/outbox.json`)).json()) as { to: string; code: string | null }[];
    const newestCode = new Map<string, string>();
    for (const message of outbox) if (message.code && !newestCode.has(message.to)) newestCode.set(message.to, message.code);

    const again = sdkClient(second.url);
    try {
      const outcomes = await Promise.allSettled(
        acknowledged.map(async (email) => {
          const code = newestCode.get(email);
          if (!code) throw new Error('no code in the outbox');
          await again.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }));
          const signedIn = await again.send(
            new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
          );
          if (!signedIn.AuthenticationResult?.AccessToken) throw new Error(`no tokens: ${JSON.stringify(signedIn)}`);
        }),
      );
      const lost = outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [`${acknowledged[i]}: ${String(outcome.reason)}`] : []));
      expect(lost).toEqual([]);
    } finally {
      again.destroy();
    }
  });
});
