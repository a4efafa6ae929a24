import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { startHookServer, type HookServer } from '../support/hook-server.js';
import { latestCode, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const poolId = 'us-east-1_PostConfirm1';
const clientId = 'postconfirmclient1';

const config = (hooks: HookServer): ConfigFile => ({
  UserPools: [
    {
      Id: poolId,
      PoolName: 'post-confirmation',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: { PreSignUp: hooks.urlOf('PreSignUp'), PostConfirmation: hooks.urlOf('PostConfirmation') },
      Clients: [{ ClientId: clientId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] }],
    },
  ],
});

describe.each(dialects)('the PostConfirmation hook (%s)', (dialect) => {
  /** The app's welcome step: it records the new member, and its database is down while `failing` is set. */
  const app = { failing: false, members: [] as string[] };
  let hookServer: HookServer;
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const eventsAbout = (userName: string, triggerSource: string) => hookServer.events.filter((e) => e.userName === userName && e.triggerSource === triggerSource);

  async function signUp(email: string, ValidationData?: Array<{ Name: string; Value: string }>) {
    return client().send(new SignUpCommand({ ClientId: clientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }], ValidationData }));
  }

  beforeAll(async () => {
    hookServer = await startHookServer({
      PreSignUp(event) {
        if (event.request.validationData?.invite === 'auto') event.response.autoConfirmUser = true;
        return event;
      },
      PostConfirmation(event) {
        if (app.failing) throw new Error('Member database unavailable');
        app.members.push(event.request.userAttributes.sub);
        return event;
      },
    });
    server = await startTestServer(dialect, { config: config(hookServer), clock });
  });
  afterEach(() => {
    app.failing = false;
  });
  afterAll(async () => {
    await server?.close();
    await hookServer?.close();
  });

  it('is called after ConfirmSignUp with the confirmed user and the request ClientMetadata', async () => {
    const email = uniqueEmail();
    const { UserSub } = await signUp(email);
    await client().send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await latestCode(server, email), ClientMetadata: { plan: 'free' } }));
    expect(eventsAbout(UserSub!, 'PostConfirmation_ConfirmSignUp')).toEqual([
      {
        version: '1',
        triggerSource: 'PostConfirmation_ConfirmSignUp',
        region: 'us-east-1',
        userPoolId: poolId,
        userName: UserSub,
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
        request: { userAttributes: { sub: UserSub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' }, clientMetadata: { plan: 'free' } },
        response: {},
      },
    ]);
    expect(app.members).toContain(UserSub);
  });

  it('fails ConfirmSignUp with UserLambdaValidationException when the hook throws, and the user stays confirmed', async () => {
    const email = uniqueEmail();
    await signUp(email);
    app.failing = true;
    const confirming = client().send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
    expect(await rejection(confirming)).toEqual({ name: 'UserLambdaValidationException', message: 'PostConfirmation failed with error Member database unavailable.', status: 400 });
    expect((await client().send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).UserStatus).toBe('CONFIRMED');
  });

  it('is called after AdminConfirmSignUp, naming no client', async () => {
    const email = uniqueEmail();
    const { UserSub } = await signUp(email);
    await client().send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: email }));
    expect(eventsAbout(UserSub!, 'PostConfirmation_ConfirmSignUp')).toEqual([
      expect.objectContaining({ callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'CLIENT_ID_NOT_APPLICABLE' }, request: { userAttributes: { sub: UserSub, email, 'cognito:user_status': 'CONFIRMED' } } }),
    ]);
  });

  it('is called at SignUp when the pre sign-up hook confirms the user', async () => {
    const email = uniqueEmail();
    const { UserSub, UserConfirmed } = await signUp(email, [{ Name: 'invite', Value: 'auto' }]);
    expect(UserConfirmed).toBe(true);
    expect(eventsAbout(UserSub!, 'PostConfirmation_ConfirmSignUp')).toHaveLength(1);
    expect(app.members).toContain(UserSub);
  });

  it('is called after ConfirmForgotPassword as PostConfirmation_ConfirmForgotPassword', async () => {
    const email = uniqueEmail();
    const { UserSub } = await signUp(email);
    await client().send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
    await client().send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
    await client().send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: email, ConfirmationCode: await latestCode(server, email), Password: `${testPassword}2` }));
    expect(eventsAbout(UserSub!, 'PostConfirmation_ConfirmForgotPassword')).toEqual([
      expect.objectContaining({ callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId }, request: { userAttributes: { sub: UserSub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' } } }),
    ]);
  });
});
