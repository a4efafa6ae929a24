import { AdminCreateUserCommand, AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { signIn, signOut, signUp } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { startHookServer, type Hook, type HookServer } from '../support/hook-server.js';
import { passwordSignIn, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const poolId = 'us-east-1_PreSignUp1';
const clientId = 'presignupclient1';

/**
 * The app's pre sign-up Lambda: only example.com addresses may register; an `invite: auto` in the
 * validation data confirms the user and verifies the email at once.
 */
const preSignUpHook: Hook = (event) => {
  if (!String(event.request.userAttributes.email).endsWith('@example.com')) throw new Error('Only example.com addresses may sign up');
  if (event.request.validationData?.invite === 'auto') {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};

const config = (hooks: HookServer): ConfigFile => ({
  UserPools: [
    {
      Id: poolId,
      PoolName: 'pre-sign-up',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: { PreSignUp: hooks.urlOf('PreSignUp') },
      Clients: [{ ClientId: clientId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
});

describe.each(dialects)('the PreSignUp hook (%s)', (dialect) => {
  let hookServer: HookServer;
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const eventsAbout = (userName: string) => hookServer.events.filter((e) => e.userName === userName);
  const getUser = (Username: string) => client().send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));
  const attributesOf = (list: Array<{ Name?: string; Value?: string }> | undefined) => Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value]));

  beforeAll(async () => {
    hookServer = await startHookServer({ PreSignUp: preSignUpHook });
    server = await startTestServer(dialect, { config: config(hookServer), clock });
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.url } } });
  });
  afterEach(() => signOut());
  afterAll(async () => {
    await server?.close();
    await hookServer?.close();
  });

  it('is called with the Cognito event on SignUp, and a user it lets through is unconfirmed and sent a code', async () => {
    const email = uniqueEmail();
    const result = await client().send(new SignUpCommand({ ClientId: clientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }));
    expect(result).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    expect(eventsAbout(result.UserSub!)).toEqual([
      {
        version: '1',
        triggerSource: 'PreSignUp_SignUp',
        region: 'us-east-1',
        userPoolId: poolId,
        userName: result.UserSub,
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
        request: { userAttributes: { email }, validationData: null },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      },
    ]);
    expect((await getUser(email)).UserStatus).toBe('UNCONFIRMED');
  });

  it('confirms the user and verifies the email when the hook says so: no code is sent and the user signs in', async () => {
    const email = uniqueEmail();
    const result = await client().send(
      new SignUpCommand({
        ClientId: clientId,
        Username: email,
        Password: testPassword,
        UserAttributes: [{ Name: 'email', Value: email }],
        ValidationData: [{ Name: 'invite', Value: 'auto' }],
        ClientMetadata: { source: 'landing-page' },
      }),
    );
    expect(result).toEqual(expect.objectContaining({ UserConfirmed: true, UserSub: expect.any(String) }));
    expect(result.CodeDeliveryDetails).toBeUndefined();
    expect(eventsAbout(result.UserSub!)[0]!.request).toEqual({ userAttributes: { email }, validationData: { invite: 'auto' }, clientMetadata: { source: 'landing-page' } });
    const user = await getUser(email);
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attributesOf(user.UserAttributes)).toMatchObject({ email, email_verified: 'true' });
    expect((await passwordSignIn(server, email, client())).AccessToken).toEqual(expect.any(String));
  });

  it('refuses the sign-up with UserLambdaValidationException when the hook throws, and stores no user', async () => {
    const email = uniqueEmail().replace('@example.com', '@elsewhere.test');
    expect(await rejection(client().send(new SignUpCommand({ ClientId: clientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] })))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Only example.com addresses may sign up.',
      status: 400,
    });
    expect(await rejection(getUser(email))).toMatchObject({ name: 'UserNotFoundException' });
  });

  it('is called on AdminCreateUser with no client, may refuse, and its auto-confirm answer does not apply', async () => {
    const email = uniqueEmail();
    const created = await client().send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: email, UserAttributes: [{ Name: 'email', Value: email }], ValidationData: [{ Name: 'invite', Value: 'auto' }], MessageAction: 'SUPPRESS' }),
    );
    expect(created.User!.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(attributesOf(created.User!.Attributes)).toEqual({ sub: expect.any(String), email });
    expect(eventsAbout(created.User!.Username!)).toEqual([
      expect.objectContaining({
        triggerSource: 'PreSignUp_AdminCreateUser',
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'CLIENT_ID_NOT_APPLICABLE' },
        request: { userAttributes: { email }, validationData: { invite: 'auto' } },
      }),
    ]);
    const outsider = 'someone@elsewhere.test';
    expect(await rejection(client().send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: outsider, UserAttributes: [{ Name: 'email', Value: outsider }] })))).toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Only example.com addresses may sign up.',
    });
    expect(await rejection(getUser(outsider))).toMatchObject({ name: 'UserNotFoundException' });
  });

  it('Amplify signUp finishes at DONE for an auto-confirmed user, who then signs in', async () => {
    const email = uniqueEmail();
    const result = await signUp({ username: email, password: testPassword, options: { userAttributes: { email }, validationData: { invite: 'auto' } } });
    expect(result).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' }, userId: expect.any(String) });
    expect(await signIn({ username: email, password: testPassword })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });
});
