// amazon-cognito-identity-js, unchanged, against a real Cognate server on loopback. It needs no
// fetch polyfill on Node 20: its isomorphic-unfetch import keeps the global fetch that Node
// provides and would fall back to node-fetch only if there were none.
import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
  type ISignUpResult,
} from 'amazon-cognito-identity-js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { startTestServer } from '../support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver.js';

const password = 'Correct-Horse-9';

// The callback APIs, as promises.
const signUpUser = (pool: CognitoUserPool, email: string, pw: string) =>
  new Promise<ISignUpResult>((resolve, reject) =>
    pool.signUp(email, pw, [new CognitoUserAttribute({ Name: 'email', Value: email })], [], (err, result) => (err ? reject(err) : resolve(result!))),
  );

const confirmRegistration = (user: CognitoUser, code: string) =>
  new Promise<unknown>((resolve, reject) => user.confirmRegistration(code, false, (err, result) => (err ? reject(err) : resolve(result))));

const authenticate = (user: CognitoUser, pw: string) =>
  new Promise<CognitoUserSession>((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: pw }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected newPasswordRequired')),
      mfaRequired: () => reject(new Error('unexpected mfaRequired')),
      totpRequired: () => reject(new Error('unexpected totpRequired')),
      customChallenge: () => reject(new Error('unexpected customChallenge')),
      mfaSetup: () => reject(new Error('unexpected mfaSetup')),
      selectMFAType: () => reject(new Error('unexpected selectMFAType')),
    }),
  );

const refreshSession = (user: CognitoUser, session: CognitoUserSession) =>
  new Promise<CognitoUserSession>((resolve, reject) =>
    user.refreshSession(session.getRefreshToken(), (err: unknown, result: CognitoUserSession) => (err ? reject(err) : resolve(result))),
  );

const getUserAttributes = (user: CognitoUser) =>
  new Promise<CognitoUserAttribute[]>((resolve, reject) => user.getUserAttributes((err, result) => (err ? reject(err) : resolve(result!))));

const globalSignOut = (user: CognitoUser) =>
  new Promise<string>((resolve, reject) => user.globalSignOut({ onSuccess: resolve, onFailure: reject }));

describe.each(dialects)('amazon-cognito-identity-js against Cognate on %s', (dialect) => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let pool: CognitoUserPool;
  let clientId: string;
  let poolId: string;
  let sdk: CognitoIdentityProviderClient;
  const taken = new Set<ReceivedMail>();

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(dialect, { smtpUrl: smtp.url });
    poolId = server.pools[0]!.pool.Id;
    clientId = server.pools[0]!.clients[0]!.ClientId;
    pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url });
    sdk = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    sdk?.destroy();
    await server?.close();
    await smtp?.close();
  });

  const newEmail = () => `user-${randomUUID().slice(0, 8)}@example.com`;
  const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

  async function nextCode(address: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && !taken.has(m));
    taken.add(mail);
    const match = /^Your verification code is (\d{6})\.$/.exec(mail.text);
    expect(match, `mail text: ${mail.text}`).not.toBeNull();
    return match![1]!;
  }

  /** Signs up and confirms; returns the sub and a CognitoUser named by the email, as an app has it. */
  async function confirmedUser(email: string): Promise<{ sub: string; user: CognitoUser }> {
    const result = await signUpUser(pool, email, password);
    await confirmRegistration(result.user, await nextCode(email));
    return { sub: result.userSub, user: new CognitoUser({ Username: email, Pool: pool }) };
  }

  it("sends its requests to the endpoint with Node's own global fetch, no polyfill", async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const email = newEmail();
    await signUpUser(pool, email, password);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy).toHaveBeenCalledWith(
      server.url,
      expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp' }) }),
    );
    // node-fetch would answer with its own Response class; Node's fetch answers with the global one.
    expect(await fetchSpy.mock.results[0]!.value).toBeInstanceOf(Response);
  });

  it('signUp reports an unconfirmed user and the email delivery; confirmRegistration with the mailed code succeeds', async () => {
    const email = newEmail();
    const result = await signUpUser(pool, email, password);
    expect(result).toEqual({
      user: expect.any(CognitoUser),
      userConfirmed: false,
      userSub: uuid,
      codeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'u***@e***' },
    });
    expect(result.user.getUsername()).toBe(email);
    expect(await confirmRegistration(result.user, await nextCode(email))).toBe('SUCCESS');
  });

  it('authenticateUser (default SRP flow) succeeds and getUsername() becomes the UUID username', async () => {
    const email = newEmail();
    const { sub, user } = await confirmedUser(email);
    expect(user.getAuthenticationFlowType()).toBe('USER_SRP_AUTH');
    const session = await authenticate(user, password);

    expect(user.getUsername()).toEqual(uuid);
    expect(session.isValid()).toBe(true);
    const idPayload = session.getIdToken().decodePayload();
    const accessPayload = session.getAccessToken().decodePayload();
    expect(idPayload).toMatchObject({ sub, email, email_verified: true, 'cognito:username': user.getUsername(), aud: clientId, token_use: 'id' });
    expect(accessPayload).toMatchObject({ sub, username: user.getUsername(), client_id: clientId, token_use: 'access', iss: `${server.url}/${poolId}` });
    expect(accessPayload.origin_jti).toBe(idPayload.origin_jti);
    expect(session.getRefreshToken().getToken()).toEqual(expect.any(String));
    expect(pool.getCurrentUser()?.getUsername()).toBe(user.getUsername());
  });

  it('refreshSession with the refresh token gives a new access token the server accepts', async () => {
    const email = newEmail();
    const { sub, user } = await confirmedUser(email);
    const first = await authenticate(user, password);
    const second = await refreshSession(user, first);

    expect(second.isValid()).toBe(true);
    const before = first.getAccessToken().decodePayload();
    const after = second.getAccessToken().decodePayload();
    expect(second.getAccessToken().getJwtToken()).not.toBe(first.getAccessToken().getJwtToken());
    expect(after.jti).not.toBe(before.jti);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toEqual(expect.any(Number));
    // No rotation: the client keeps the refresh token it had.
    expect(second.getRefreshToken().getToken()).toBe(first.getRefreshToken().getToken());
    const fromServer = await sdk.send(new GetUserCommand({ AccessToken: second.getAccessToken().getJwtToken() }));
    expect(fromServer.Username).toBe(user.getUsername());
    expect(fromServer.UserAttributes).toContainEqual({ Name: 'sub', Value: sub });
  });

  it('a wrong password fails with code NotAuthorizedException', async () => {
    const email = newEmail();
    const { user } = await confirmedUser(email);
    await expect(authenticate(user, 'Wrong-Horse-9')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('getUserAttributes lists sub, email and email_verified', async () => {
    const email = newEmail();
    const { sub, user } = await confirmedUser(email);
    await authenticate(user, password);
    const attributes = await getUserAttributes(user);
    expect(attributes.every((a) => a instanceof CognitoUserAttribute)).toBe(true);
    const plain = Object.fromEntries(attributes.map((a) => [a.getName(), a.getValue()]));
    expect(plain).toEqual({ sub, email, email_verified: 'true' });
    expect(attributes[0]!.getName()).toBe('sub');
  });

  it('globalSignOut ends the session: its access and refresh tokens are refused afterwards', async () => {
    const email = newEmail();
    const { user } = await confirmedUser(email);
    const session = await authenticate(user, password);
    const accessToken = session.getAccessToken().getJwtToken();
    const refreshToken = session.getRefreshToken().getToken();

    expect(await globalSignOut(user)).toBe('SUCCESS');
    expect(pool.getCurrentUser()).toBeNull();
    // A user object still holding the old session sees it refused by the server.
    const stale = new CognitoUser({ Username: user.getUsername(), Pool: pool });
    stale.setSignInUserSession(session);
    await expect(getUserAttributes(stale)).rejects.toMatchObject({ code: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    await expect(sdk.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(
      sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });
});
