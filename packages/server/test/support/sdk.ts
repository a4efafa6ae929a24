import { CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningServer } from '../../src/server.js';

export const testPassword = 'Correct-horse-9';

/** An SDK client signing with the test admin key; on the server's clock when it runs on a test clock. */
export function sdkClient(server: RunningServer): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    maxAttempts: 1,
    systemClockOffset: server.context.clock.now() - Date.now(),
  });
}

/** The newest code the development outbox holds for a recipient. */
export async function latestCode(server: RunningServer, to: string): Promise<string> {
  const row = await server.context.db.selectFrom('outbox').select('code').where('recipient', '=', to).orderBy('id', 'desc').executeTakeFirst();
  if (!row?.code) throw new Error(`no code was sent to ${to}`);
  return row.code;
}

let counter = 0;
export const uniqueEmail = (label = 'user') => `${label}-${process.pid}-${++counter}-${Date.now()}@example.com`;
/** A North American test number no other test in this run has. */
export const uniquePhone = () => `+1555${String((process.pid * 1000 + ++counter) % 10_000_000).padStart(7, '0')}`;

export const firstClientId = (server: RunningServer) => server.pools[0]!.clients[0]!.ClientId;
export const firstPoolId = (server: RunningServer) => server.pools[0]!.pool.Id;

/** Signs up and confirms a user through the API; returns its email and sub. */
export async function confirmedUser(server: RunningServer, client = sdkClient(server), email = uniqueEmail()) {
  const ClientId = firstClientId(server);
  const { UserSub } = await client.send(new SignUpCommand({ ClientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }));
  await client.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
  return { email, sub: UserSub! };
}

export async function passwordSignIn(server: RunningServer, email: string, client = sdkClient(server), password = testPassword) {
  const { AuthenticationResult } = await client.send(
    new InitiateAuthCommand({ ClientId: firstClientId(server), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return AuthenticationResult!;
}

/** The name and message an SDK call was rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to be rejected');
}

export const decodePayload = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
