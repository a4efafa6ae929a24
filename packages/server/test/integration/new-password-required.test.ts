import { AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { userStore } from '../../src/store/users.js';
import { passwordColumns } from '../../src/userpool/users.js';
import { dialects } from '../support/databases.js';
import { decodePayload, rejection, sdkClient, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { srpClient, srpTimestamp } from '../support/srp-client.js';
import { testConfig } from '../support/test-config.js';

const temporaryPassword = 'Temporary-pass-1';
const chosenPassword = 'Chosen-password-2';

describe.each(dialects)('the NEW_PASSWORD_REQUIRED challenge (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);

  /** A user as AdminCreateUser leaves it: FORCE_CHANGE_PASSWORD with a temporary password. */
  async function invitedUser(poolId: string, username: string, attributes: Record<string, string>) {
    const pool = (await server.context.pools.getPool(poolId))!;
    const sub = server.context.random.uuid();
    const now = clock.now();
    await userStore.insert(server.context.db, {
      poolId,
      username,
      usernameKey: username.toLowerCase(),
      sub,
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      attributes,
      emailLogin: null,
      phoneLogin: null,
      preferredUsernameLogin: null,
      ...(await passwordColumns(server.context, pool, username, sub, temporaryPassword)),
      failedSignIns: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    return sub;
  }

  const passwordAuth = (ClientId: string, USERNAME: string, PASSWORD: string) =>
    client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig, clock });
  });
  afterAll(() => server.close());

  it('challenges after the right temporary password, lists missing required attributes, and completes', async () => {
    const username = `invited${Date.now()}`;
    const email = uniqueEmail();
    await invitedUser('us-east-1_TestPool2', username, { email, email_verified: 'true' });
    const challenge = await passwordAuth('usernameclient1', username, temporaryPassword);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: username,
      requiredAttributes: '["userAttributes.name"]',
      userAttributes: JSON.stringify({ email, email_verified: 'true' }),
    });
    const respond = (responses: Record<string, string>) =>
      client().send(new RespondToAuthChallengeCommand({ ClientId: 'usernameclient1', ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: username, ...responses } }));
    expect(await rejection(respond({ NEW_PASSWORD: chosenPassword }))).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid attributes given, name is missing' });
    expect(await rejection(respond({ NEW_PASSWORD: 'weak', 'userAttributes.name': 'Ada' }))).toMatchObject({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password not long enough' });
    const done = await respond({ NEW_PASSWORD: chosenPassword, 'userAttributes.name': 'Ada' });
    expect(decodePayload(done.AuthenticationResult!.IdToken!)).toMatchObject({ 'cognito:username': username, name: 'Ada' });
    expect((await passwordAuth('usernameclient1', username, chosenPassword)).AuthenticationResult?.AccessToken).toBeDefined();
    expect(await rejection(passwordAuth('usernameclient1', username, temporaryPassword))).toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('never reaches the challenge with a wrong temporary password', async () => {
    const username = `invited${Date.now()}b`;
    await invitedUser('us-east-1_TestPool2', username, { name: 'B' });
    expect(await rejection(passwordAuth('usernameclient1', username, 'Wrong-temporary-1'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('reaches the challenge through SRP too', async () => {
    const username = `invited${Date.now()}c`;
    await invitedUser('us-east-1_TestPool2', username, { name: 'C' });
    const srp = await srpClient('us-east-1_TestPool2');
    const started = await client().send(new InitiateAuthCommand({ ClientId: 'usernameclient1', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.SRP_A } }));
    const answer = await srp.answer(started.ChallengeParameters!, temporaryPassword, srpTimestamp(clock.now()));
    const challenge = await client().send(new RespondToAuthChallengeCommand({ ClientId: 'usernameclient1', ChallengeName: 'PASSWORD_VERIFIER', Session: started.Session, ChallengeResponses: answer }));
    expect(challenge).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: { requiredAttributes: '[]' } });
  });

  it('completes through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const username = `invited${Date.now()}d`;
    await invitedUser('us-east-1_TestPool2', username, { name: 'D' });
    const challenge = await client().send(
      new AdminInitiateAuthCommand({ UserPoolId: 'us-east-1_TestPool2', ClientId: 'usernameclient1', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: temporaryPassword } }),
    );
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await client().send(
      new AdminRespondToAuthChallengeCommand({ UserPoolId: 'us-east-1_TestPool2', ClientId: 'usernameclient1', ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: username, NEW_PASSWORD: chosenPassword } }),
    );
    expect(done.AuthenticationResult?.RefreshToken).toBeDefined();
    expect(await rejection(client().send(new AdminInitiateAuthCommand({ UserPoolId: 'us-east-1_TestPool1', ClientId: 'usernameclient1', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: chosenPassword } })))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(await rejection(passwordAuthAdminFlowPublicly(username))).toMatchObject({ name: 'InvalidParameterException', message: 'Initiate Auth method not supported.' });
  });

  const passwordAuthAdminFlowPublicly = (USERNAME: string) =>
    client().send(new InitiateAuthCommand({ ClientId: 'usernameclient1', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: chosenPassword } }));

  it('refuses a temporary password older than TemporaryPasswordValidityDays', async () => {
    const username = `invited${Date.now()}e`;
    await invitedUser('us-east-1_TestPool2', username, { name: 'E' });
    clock.advance(7 * 86_400_000 + 1000);
    expect(await rejection(passwordAuth('usernameclient1', username, temporaryPassword))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});
