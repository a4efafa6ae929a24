import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { maxChallengeResults } from '../../src/userpool/auth/custom-flow.js';
import { codeChallengeHooks, customAuthConfig, customClientId, hookPoolId } from '../support/code-challenge-hooks.js';
import { dialects } from '../support/databases.js';
import { startHookServer, type HookServer } from '../support/hook-server.js';
import { confirmedUser, rejection, sdkClient, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const hookTimeoutMs = 300;

describe.each(dialects)('CUSTOM_AUTH with challenge hooks through the AWS SDK (%s)', (dialect) => {
  const { app, hooks } = codeChallengeHooks();
  let hookServer: HookServer;
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);

  const startCustom = (USERNAME: string, ClientId = customClientId) =>
    client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME } }));
  const answer = (USERNAME: string, Session: string | undefined, ANSWER: string, ClientMetadata?: Record<string, string>) =>
    client().send(new RespondToAuthChallengeCommand({ ClientId: customClientId, ChallengeName: 'CUSTOM_CHALLENGE', Session, ChallengeResponses: { USERNAME, ANSWER }, ClientMetadata }));
  /** The events the hooks received about one user, oldest first. */
  const eventsAbout = (userName: string, triggerSource?: string) =>
    hookServer.events.filter((e) => e.userName === userName && (triggerSource === undefined || e.triggerSource === triggerSource));

  beforeAll(async () => {
    hookServer = await startHookServer(hooks);
    server = await startTestServer(dialect, { config: customAuthConfig(hookServer), clock, hookTimeoutMs });
  });
  afterEach(() => {
    app.behaviour = 'codes';
  });
  afterAll(async () => {
    await server?.close();
    await hookServer?.close();
  });

  it('signs in with a code challenge: define, create, verify, define again, and the tokens work', async () => {
    const { email, sub } = await confirmedUser(server);
    const challenge = await startCustom(email);
    expect(challenge).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: expect.any(String),
      ChallengeParameters: { hint: 'Enter the 6-digit code we emailed you', attempt: '1', USERNAME: sub },
    });
    expect(challenge.AuthenticationResult).toBeUndefined();
    const signedIn = await answer(sub, challenge.Session, app.sentCodes.get(sub)!, { origin: 'tests' });
    expect(signedIn.ChallengeName).toBeUndefined();
    expect(signedIn.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600, RefreshToken: expect.any(String) });
    const user = await client().send(new GetUserCommand({ AccessToken: signedIn.AuthenticationResult!.AccessToken }));
    expect(user.Username).toBe(sub);

    const envelope = { version: '1', region: 'us-east-1', userPoolId: hookPoolId, userName: sub, callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: customClientId } };
    const userAttributes = { sub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' };
    const answered = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CODE-1' };
    expect(eventsAbout(sub)).toEqual([
      {
        ...envelope,
        triggerSource: 'DefineAuthChallenge_Authentication',
        request: { userAttributes, session: [], userNotFound: false },
        response: { challengeName: null, issueTokens: null, failAuthentication: null },
      },
      {
        ...envelope,
        triggerSource: 'CreateAuthChallenge_Authentication',
        request: { userAttributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false },
        response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
      },
      {
        ...envelope,
        triggerSource: 'VerifyAuthChallengeResponse_Authentication',
        request: { userAttributes, privateChallengeParameters: { code: app.sentCodes.get(sub) }, challengeAnswer: app.sentCodes.get(sub), clientMetadata: { origin: 'tests' }, userNotFound: false },
        response: { answerCorrect: null },
      },
      {
        ...envelope,
        triggerSource: 'DefineAuthChallenge_Authentication',
        request: { userAttributes, session: [answered], clientMetadata: { origin: 'tests' }, userNotFound: false },
        response: { challengeName: null, issueTokens: null, failAuthentication: null },
      },
    ]);
  });

  it('answers a wrong code with a new challenge and a new session, and the old session cannot be answered again', async () => {
    const { sub } = await confirmedUser(server);
    const first = await startCustom(sub);
    const firstCode = app.sentCodes.get(sub)!;
    const retry = await answer(sub, first.Session, firstCode === '000000' ? '111111' : '000000');
    expect(retry).toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE', ChallengeParameters: { attempt: '2', USERNAME: sub } });
    expect(retry.Session).not.toBe(first.Session);
    expect(await rejection(answer(sub, first.Session, firstCode))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    const signedIn = await answer(sub, retry.Session, app.sentCodes.get(sub)!);
    expect(signedIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(eventsAbout(sub, 'DefineAuthChallenge_Authentication').map((e) => e.request.session)).toEqual([
      [],
      [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CODE-1' }],
      [
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CODE-1' },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CODE-2' },
      ],
    ]);
  });

  it('fails the sign-in with NotAuthorizedException when the define hook answers failAuthentication', async () => {
    const { sub } = await confirmedUser(server);
    let step = await startCustom(sub);
    step = await answer(sub, step.Session, 'wrong-1');
    step = await answer(sub, step.Session, 'wrong-2');
    expect(await rejection(answer(sub, step.Session, 'wrong-3'))).toMatchObject(incorrect);
    expect(eventsAbout(sub, 'DefineAuthChallenge_Authentication').at(-1)!.request.session).toHaveLength(3);
  });

  it(`refuses a sign-in whose define hook never decides once ${maxChallengeResults} challenges were answered`, async () => {
    const { sub } = await confirmedUser(server);
    app.behaviour = 'define-never-decides';
    let step = await startCustom(sub);
    for (let round = 1; round <= maxChallengeResults; round++) {
      step = await answer(sub, step.Session, 'wrong');
      expect(step.ChallengeName).toBe('CUSTOM_CHALLENGE');
    }
    expect(await rejection(answer(sub, step.Session, 'wrong'))).toMatchObject(incorrect);
    expect(eventsAbout(sub, 'DefineAuthChallenge_Authentication').at(-1)!.request.session).toHaveLength(maxChallengeResults);
  });

  it('signs in with AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const { email, sub } = await confirmedUser(server);
    const challenge = await client().send(new AdminInitiateAuthCommand({ UserPoolId: hookPoolId, ClientId: customClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: email } }));
    expect(challenge.ChallengeName).toBe('CUSTOM_CHALLENGE');
    const signedIn = await client().send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: hookPoolId,
        ClientId: customClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: email, ANSWER: app.sentCodes.get(sub)! },
      }),
    );
    expect(signedIn.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('tells the hooks about an unknown user (userNotFound) instead of the caller, and fails as for a wrong answer', async () => {
    const typed = uniqueEmail('nobody');
    expect(await rejection(startCustom(typed))).toMatchObject(incorrect);
    expect(eventsAbout(typed)).toEqual([
      expect.objectContaining({ triggerSource: 'DefineAuthChallenge_Authentication', request: { userAttributes: {}, session: [], userNotFound: true } }),
    ]);
    expect(await rejection(startCustom(typed, 'legacycustom1'))).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('refuses CUSTOM_AUTH on a client without ALLOW_CUSTOM_AUTH, and in a pool without challenge triggers', async () => {
    const { sub } = await confirmedUser(server);
    expect(await rejection(startCustom(sub, 'nocustomclient1'))).toMatchObject({ name: 'InvalidParameterException', message: 'CUSTOM_AUTH flow not enabled for this client' });
    expect(await rejection(startCustom('someone', 'plainclient1'))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Custom auth lambda trigger is not configured for the user pool.',
    });
  });

  it('fails with UnexpectedLambdaException when a trigger names a Lambda ARN, which Cognate cannot invoke', async () => {
    expect(await rejection(startCustom('someone', 'arnclient1'))).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'DefineAuthChallenge invocation failed due to error LambdaArnNotInvocable: Cognate calls hooks by URL; set LambdaConfig.DefineAuthChallenge to an http(s) URL.',
      status: 400,
    });
  });

  it('fails with UserLambdaValidationException, naming the trigger, when a hook rejects', async () => {
    const { sub } = await confirmedUser(server);
    app.behaviour = 'create-rejects';
    expect(await rejection(startCustom(sub))).toEqual({ name: 'UserLambdaValidationException', message: 'CreateAuthChallenge failed with error No email address on file.', status: 400 });
  });

  it('fails with UnexpectedLambdaException when a hook does not answer within the timeout', async () => {
    const { sub } = await confirmedUser(server);
    app.behaviour = 'define-never-answers';
    const started = performance.now();
    expect(await rejection(startCustom(sub))).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'DefineAuthChallenge invocation failed due to error Socket timeout while invoking Lambda function.',
      status: 400,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(hookTimeoutMs - 10);
  });

  it('fails with InvalidLambdaResponseException when a hook answers something other than the event', async () => {
    const { sub } = await confirmedUser(server);
    app.behaviour = 'create-answers-text';
    expect(await rejection(startCustom(sub))).toEqual({ name: 'InvalidLambdaResponseException', message: 'Invalid lambda function output : Invalid JSON', status: 400 });
  });

  it('keeps LambdaConfig: DescribeUserPool returns it, and a non-loopback http:// hook is refused naming the member', async () => {
    const { UserPool } = await client().send(new DescribeUserPoolCommand({ UserPoolId: hookPoolId }));
    expect(UserPool!.LambdaConfig).toEqual({
      DefineAuthChallenge: hookServer.urlOf('DefineAuthChallenge'),
      CreateAuthChallenge: hookServer.urlOf('CreateAuthChallenge'),
      VerifyAuthChallengeResponse: hookServer.urlOf('VerifyAuthChallengeResponse'),
    });
    const refused = await rejection(client().send(new CreateUserPoolCommand({ PoolName: 'bad-hooks', LambdaConfig: { PreSignUp: 'http://hooks.example.com/pre-sign-up' } })));
    expect(refused.name).toBe('InvalidParameterException');
    expect(refused.message).toContain('lambdaConfig.preSignUp');
  });
});
