import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  ConfirmDeviceCommand,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { deviceSrpClient, deviceVerifier } from '../support/device-client.js';
import { startHookServer, type HookServer } from '../support/hook-server.js';
import { confirmedUser, decodePayload, latestCode, passwordSignIn, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { srpTimestamp } from '../support/srp-client.js';

const poolId = 'us-east-1_PreToken1';
const clientId = 'pretokenclient1';
const devicePoolId = 'us-east-1_PreTokenDevices1';
const deviceClientId = 'pretokendevices1';
const editorRole = 'arn:aws:iam::123456789012:role/editor';
const betaRole = 'arn:aws:iam::123456789012:role/beta';

const config = (hooks: HookServer): ConfigFile => ({
  UserPools: [
    {
      Id: poolId,
      PoolName: 'pre-token-generation',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: { PreTokenGeneration: hooks.urlOf('PreTokenGeneration') },
      Clients: [{ ClientId: clientId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
    {
      Id: devicePoolId,
      PoolName: 'pre-token-generation-devices',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
      LambdaConfig: { PreTokenGeneration: hooks.urlOf('PreTokenGeneration') },
      Clients: [{ ClientId: deviceClientId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
});

describe.each(dialects)('the PreTokenGeneration hook, V1 (%s)', (dialect) => {
  /** How the app's hook behaves: `tenant` customises the tokens, `unchanged` hands the event back as it came. */
  const app = { behaviour: 'tenant' as 'tenant' | 'unchanged' | 'rejects' };
  let hookServer: HookServer;
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const eventsAbout = (userName: string) => hookServer.events.filter((e) => e.userName === userName);

  /** A user in pool `editors` (a role, precedence 1). */
  async function editor() {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    await client().send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: email, GroupName: 'editors' }));
    return { email, sub };
  }

  beforeAll(async () => {
    hookServer = await startHookServer({
      // The app's Lambda: a tenant claim, no email in the ID token, and a beta group with its role.
      PreTokenGeneration(event) {
        if (app.behaviour === 'rejects') throw new Error('Tenant directory unavailable');
        if (app.behaviour === 'unchanged') return event;
        const { groupsToOverride, iamRolesToOverride } = event.request.groupConfiguration;
        event.response.claimsOverrideDetails = {
          claimsToAddOrOverride: { tenant: 'acme', seats: 5, sub: 'forged', token_use: 'access' },
          claimsToSuppress: ['email', 'aud'],
          groupOverrideDetails: { groupsToOverride: [...groupsToOverride, 'beta-testers'], iamRolesToOverride: [...iamRolesToOverride, betaRole], preferredRole: betaRole },
        };
        return event;
      },
    });
    server = await startTestServer(dialect, { config: config(hookServer), clock });
    await client().send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', RoleArn: editorRole, Precedence: 1 }));
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.url } } });
  });
  afterEach(async () => {
    app.behaviour = 'tenant';
    await signOut();
  });
  afterAll(async () => {
    await server?.close();
    await hookServer?.close();
  });

  it("adds and suppresses ID token claims and overrides both tokens' groups; claims that say what a token is stay", async () => {
    const { email, sub } = await editor();
    const tokens = await passwordSignIn(server, email, client());
    const id = decodePayload(tokens.IdToken!);
    expect(id).toMatchObject({ sub, tenant: 'acme', seats: '5', aud: clientId, token_use: 'id', 'cognito:groups': ['editors', 'beta-testers'], 'cognito:roles': [editorRole, betaRole], 'cognito:preferred_role': betaRole });
    expect(id).not.toHaveProperty('email');
    const access = decodePayload(tokens.AccessToken!);
    expect(access).toMatchObject({ sub, token_use: 'access', 'cognito:groups': ['editors', 'beta-testers'] });
    expect(access).not.toHaveProperty('tenant');
    expect(eventsAbout(sub)).toEqual([
      {
        version: '1',
        triggerSource: 'TokenGeneration_Authentication',
        region: 'us-east-1',
        userPoolId: poolId,
        userName: sub,
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
        request: {
          userAttributes: { sub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
          groupConfiguration: { groupsToOverride: ['editors'], iamRolesToOverride: [editorRole], preferredRole: editorRole },
        },
        response: { claimsOverrideDetails: null },
      },
    ]);
  });

  it('is told TokenGeneration_RefreshTokens on refresh, and the refreshed ID token is customised too', async () => {
    const { email, sub } = await editor();
    const { RefreshToken } = await passwordSignIn(server, email, client());
    const refreshed = await client().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken! } }));
    expect(decodePayload(refreshed.AuthenticationResult!.IdToken!)).toMatchObject({ tenant: 'acme' });
    expect(eventsAbout(sub).map((e) => e.triggerSource)).toEqual(['TokenGeneration_Authentication', 'TokenGeneration_RefreshTokens']);
  });

  it('is told TokenGeneration_NewPasswordChallenge when an admin-created user sets a password', async () => {
    const email = uniqueEmail();
    const { User } = await client().send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: email, TemporaryPassword: 'Temp-pass-1', UserAttributes: [{ Name: 'email', Value: email }], MessageAction: 'SUPPRESS' }),
    );
    const started = await client().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: 'Temp-pass-1' } }));
    expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await client().send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: started.Session, ChallengeResponses: { USERNAME: email, NEW_PASSWORD: testPassword } }),
    );
    expect(decodePayload(done.AuthenticationResult!.IdToken!)).toMatchObject({ tenant: 'acme' });
    expect(eventsAbout(User!.Username!).map((e) => e.triggerSource)).toEqual(['TokenGeneration_NewPasswordChallenge']);
  });

  it('is told TokenGeneration_AuthenticateDevice when a remembered device proved itself with device SRP', async () => {
    const email = uniqueEmail();
    await client().send(new SignUpCommand({ ClientId: deviceClientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }));
    await client().send(new ConfirmSignUpCommand({ ClientId: deviceClientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
    const signInWithPassword = (DEVICE_KEY?: string) =>
      client().send(new InitiateAuthCommand({ ClientId: deviceClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword, ...(DEVICE_KEY ? { DEVICE_KEY } : {}) } }));
    const first = (await signInWithPassword()).AuthenticationResult!;
    const { DeviceSecretVerifierConfig, device } = await deviceVerifier(first.NewDeviceMetadata as { DeviceKey: string; DeviceGroupKey: string });
    await client().send(new ConfirmDeviceCommand({ AccessToken: first.AccessToken, DeviceKey: device.deviceKey, DeviceSecretVerifierConfig }));
    const challenge = await signInWithPassword(device.deviceKey);
    expect(challenge.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const srp = await deviceSrpClient(device);
    const respond = (ChallengeName: 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER', Session: string | undefined, ChallengeResponses: Record<string, string>) =>
      client().send(new RespondToAuthChallengeCommand({ ClientId: deviceClientId, ChallengeName, Session, ChallengeResponses }));
    const verifier = await respond('DEVICE_SRP_AUTH', challenge.Session, { USERNAME: email, DEVICE_KEY: device.deviceKey, SRP_A: srp.SRP_A });
    const answer = await srp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()));
    const done = await respond('DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: verifier.ChallengeParameters!.USERNAME!, ...answer });
    expect(decodePayload(done.AuthenticationResult!.IdToken!)).toMatchObject({ tenant: 'acme' });
    const sub = decodePayload(first.IdToken!).sub as string;
    expect(eventsAbout(sub).map((e) => [e.triggerSource, e.callerContext.clientId])).toEqual([
      ['TokenGeneration_Authentication', deviceClientId],
      ['TokenGeneration_AuthenticateDevice', deviceClientId],
    ]);
  });

  it('leaves the tokens as they are when the hook hands the event back unchanged', async () => {
    app.behaviour = 'unchanged';
    const { email, sub } = await editor();
    const id = decodePayload((await passwordSignIn(server, email, client())).IdToken!);
    expect(id).toMatchObject({ sub, email, 'cognito:groups': ['editors'], 'cognito:roles': [editorRole], 'cognito:preferred_role': editorRole });
    expect(id).not.toHaveProperty('tenant');
  });

  it('fails the sign-in with UserLambdaValidationException when the hook throws', async () => {
    const { email } = await editor();
    app.behaviour = 'rejects';
    expect(await rejection(passwordSignIn(server, email, client()))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreTokenGeneration failed with error Tenant directory unavailable.',
      status: 400,
    });
  });

  it('reaches Amplify: fetchAuthSession shows the customised ID token after an SRP sign-in', async () => {
    const { email } = await editor();
    expect(await signIn({ username: email, password: testPassword })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const { tokens } = await fetchAuthSession();
    expect(tokens?.idToken?.payload).toMatchObject({ tenant: 'acme', 'cognito:groups': ['editors', 'beta-testers'] });
    expect(tokens?.idToken?.payload).not.toHaveProperty('email');
  });
});
