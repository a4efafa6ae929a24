import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { userStore } from '../../src/store/users.js';
import { dialects } from '../support/databases.js';
import { confirmedUser, decodePayload, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { srpClient, srpTimestamp } from '../support/srp-client.js';
import { testConfig } from '../support/test-config.js';

const poolId = 'us-east-1_TestPool1';
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describe.each(dialects)('InitiateAuth and RespondToAuthChallenge through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const passwordAuth = (USERNAME: string, PASSWORD: string, ClientId = 'publicclient1', extra: Record<string, string> = {}) =>
    client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD, ...extra } }));

  async function srpStart(username: string, ClientId = 'publicclient1') {
    const srp = await srpClient(poolId);
    const started = await client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.SRP_A } }));
    return { srp, started };
  }
  const respond = (Session: string | undefined, ChallengeResponses: Record<string, string>, ClientId = 'publicclient1') =>
    client().send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'PASSWORD_VERIFIER', Session, ChallengeResponses }));

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig, clock });
  });
  afterAll(() => server.close());

  it('signs in with USER_PASSWORD_AUTH and issues tokens with Cognito claims that verify against the JWKS', async () => {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    const result = await passwordAuth(email, testPassword);
    expect(result.ChallengeName).toBeUndefined();
    expect(result.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    const { AccessToken, IdToken, RefreshToken } = result.AuthenticationResult!;
    expect(RefreshToken).toMatch(/^[\w-]{40,}$/);
    const jwks = createRemoteJWKSet(new URL(`${server.url}/${poolId}/.well-known/jwks.json`));
    const id = await jwtVerify(IdToken!, jwks, { issuer: `${server.url}/${poolId}`, audience: 'publicclient1', currentDate: new Date(clock.now()) });
    const access = await jwtVerify(AccessToken!, jwks, { issuer: `${server.url}/${poolId}`, currentDate: new Date(clock.now()) });
    expect(id.protectedHeader.kid).not.toBe(access.protectedHeader.kid);
    const now = Math.floor(clock.now() / 1000);
    expect(id.payload).toEqual({
      sub,
      email,
      email_verified: true,
      'cognito:username': sub,
      aud: 'publicclient1',
      token_use: 'id',
      iss: `${server.url}/${poolId}`,
      origin_jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      auth_time: now,
      iat: now,
      exp: now + 3600,
    });
    expect(access.payload).toEqual({
      sub,
      client_id: 'publicclient1',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: sub,
      iss: `${server.url}/${poolId}`,
      origin_jti: id.payload.origin_jti,
      event_id: expect.any(String),
      jti: expect.any(String),
      auth_time: now,
      iat: now,
      exp: now + 3600,
    });
  });

  it('signs in with the full SRP exchange computed by the official client helper', async () => {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    const { srp, started } = await srpStart(email);
    expect(started.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(started.ChallengeParameters).toEqual({
      SALT: expect.stringMatching(/^[0-9a-f]+$/),
      SRP_B: expect.stringMatching(/^[0-9a-f]+$/),
      SECRET_BLOCK: expect.any(String),
      USER_ID_FOR_SRP: sub,
      USERNAME: sub,
    });
    const answer = await srp.answer(started.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    const result = await respond(started.Session, answer);
    expect(decodePayload(result.AuthenticationResult!.IdToken!).sub).toBe(sub);
  });

  it('refuses an SRP proof made with the wrong password, a tampered secret block or a stale timestamp', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    for (const spoil of [
      async (p: Record<string, string>, srp: Awaited<ReturnType<typeof srpClient>>) => srp.answer(p, 'Wrong-password-1', srpTimestamp(clock.now())),
      async (p: Record<string, string>, srp: Awaited<ReturnType<typeof srpClient>>) => ({
        ...(await srp.answer(p, testPassword, srpTimestamp(clock.now()))),
        PASSWORD_CLAIM_SECRET_BLOCK: Buffer.from('tampered').toString('base64'),
      }),
      async (p: Record<string, string>, srp: Awaited<ReturnType<typeof srpClient>>) => srp.answer(p, testPassword, srpTimestamp(clock.now() - 6 * 60_000)),
    ]) {
      const { srp, started } = await srpStart(email);
      expect(await rejection(respond(started.Session, await spoil(started.ChallengeParameters!, srp)))).toMatchObject(incorrect);
    }
  });

  it('accepts each sign-in Session once', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { srp, started } = await srpStart(email);
    const answer = await srp.answer(started.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    await respond(started.Session, answer);
    expect(await rejection(respond(started.Session, answer))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('expires a sign-in Session after the client AuthSessionValidity of 3 minutes', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { srp, started } = await srpStart(email);
    clock.advance(3 * 60_000 + 1);
    const answer = await srp.answer(started.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    expect(await rejection(respond(started.Session, answer))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('answers an unknown user like a wrong password, with a stable simulated SRP challenge', async () => {
    const ghost = uniqueEmail('ghost');
    expect(await rejection(passwordAuth(ghost, testPassword))).toMatchObject(incorrect);
    const first = await srpStart(ghost);
    const second = await srpStart(ghost);
    expect(first.started.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: ghost, USERNAME: ghost, SALT: second.started.ChallengeParameters!.SALT });
    const answer = await first.srp.answer(first.started.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    expect(await rejection(respond(first.started.Session, answer))).toMatchObject(incorrect);
  });

  it('says the user does not exist when the client has PreventUserExistenceErrors LEGACY', async () => {
    const expected = { name: 'UserNotFoundException', message: 'User does not exist.' };
    expect(await rejection(passwordAuth(uniqueEmail('ghost'), testPassword, 'legacyclient1'))).toMatchObject(expected);
    expect(await rejection(srpStart(uniqueEmail('ghost'), 'legacyclient1'))).toMatchObject(expected);
  });

  it('refuses a wrong password, an unconfirmed, a disabled and a reset-required user as Cognito does', async () => {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    expect(await rejection(passwordAuth(email, 'Wrong-password-1'))).toMatchObject(incorrect);

    await userStore.update(server.context.db, { poolId, sub }, { enabled: false });
    expect(await rejection(passwordAuth(email, testPassword))).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    await userStore.update(server.context.db, { poolId, sub }, { enabled: true, status: 'RESET_REQUIRED' });
    expect(await rejection(passwordAuth(email, testPassword))).toMatchObject({ name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
    await userStore.update(server.context.db, { poolId, sub }, { status: 'UNCONFIRMED' });
    expect(await rejection(passwordAuth(email, testPassword))).toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('locks out after five failures for 1 s, doubling, without extending a lockout during it', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const exceeded = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };
    for (let i = 0; i < 5; i++) expect(await rejection(passwordAuth(email, 'Wrong-password-1'))).toMatchObject(incorrect);
    expect(await rejection(passwordAuth(email, testPassword))).toMatchObject(exceeded);
    clock.advance(500);
    expect(await rejection(passwordAuth(email, 'Wrong-password-1'))).toMatchObject(exceeded);
    clock.advance(501);
    expect(await rejection(passwordAuth(email, 'Wrong-password-1'))).toMatchObject(incorrect);
    clock.advance(1500);
    expect(await rejection(passwordAuth(email, testPassword))).toMatchObject(exceeded);
    clock.advance(501);
    expect((await passwordAuth(email, testPassword)).AuthenticationResult?.AccessToken).toBeDefined();
    expect(await rejection(passwordAuth(email, 'Wrong-password-1'))).toMatchObject(incorrect);
  });

  it('enforces the client ExplicitAuthFlows', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    expect(await rejection(passwordAuth(email, testPassword, 'srponlyclient1'))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });

  it('requires SECRET_HASH from a confidential client', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const secret = server.pools[0]!.clients.find((c) => c.ClientId === 'secretclient1')!.ClientSecret!;
    expect(await rejection(passwordAuth(email, testPassword, 'secretclient1'))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unable to verify secret hash for client secretclient1',
    });
    const SECRET_HASH = createHmac('sha256', secret).update(`${email}secretclient1`).digest('base64');
    expect((await passwordAuth(email, testPassword, 'secretclient1', { SECRET_HASH })).AuthenticationResult?.IdToken).toBeDefined();
  });

  it('reports missing parameters as InvalidParameterException', async () => {
    expect(await rejection(client().send(new InitiateAuthCommand({ ClientId: 'publicclient1', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'x@example.com' } })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
    expect(await rejection(client().send(new InitiateAuthCommand({ ClientId: 'publicclient1', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'x@example.com', SRP_A: '0' } })))).toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});
