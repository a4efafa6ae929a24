// CUSTOM_AUTH through the clients apps use, unchanged: aws-amplify v6 (CUSTOM_WITHOUT_SRP and
// CUSTOM_WITH_SRP) and amazon-cognito-identity-js, against hooks written as an app writes its Lambdas.
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { codeChallengeHooks, customAuthConfig, customClientId, hookPoolId } from '../support/code-challenge-hooks.js';
import { dialects } from '../support/databases.js';
import { startHookServer, type HookServer } from '../support/hook-server.js';
import { confirmedUser, testPassword } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const hint = 'Enter the 6-digit code we emailed you';

describe.each(dialects)('CUSTOM_AUTH through aws-amplify v6 and amazon-cognito-identity-js (%s)', (dialect) => {
  const { app, hooks } = codeChallengeHooks();
  let hookServer: HookServer;
  let server: RunningServer;
  const clock = new ManualClock();
  const sessionsSeenByDefine = (sub: string) =>
    hookServer.events.filter((e) => e.userName === sub && e.triggerSource === 'DefineAuthChallenge_Authentication').map((e) => e.request.session);

  beforeAll(async () => {
    hookServer = await startHookServer(hooks);
    server = await startTestServer(dialect, { config: customAuthConfig(hookServer), clock });
    Amplify.configure({ Auth: { Cognito: { userPoolId: hookPoolId, userPoolClientId: customClientId, userPoolEndpoint: server.url } } });
  });
  afterEach(() => signOut());
  afterAll(async () => {
    await server?.close();
    await hookServer?.close();
  });

  it('Amplify CUSTOM_WITHOUT_SRP: the challenge is CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE, a wrong code asks again, the right one signs in', async () => {
    const { email, sub } = await confirmedUser(server);
    const started = await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    expect(started).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { hint, attempt: '1', USERNAME: sub } },
    });
    const retry = await confirmSignIn({ challengeResponse: app.sentCodes.get(sub) === '123456' ? '654321' : '123456' });
    expect(retry).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { hint, attempt: '2', USERNAME: sub } },
    });
    expect(await confirmSignIn({ challengeResponse: app.sentCodes.get(sub)! })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await getCurrentUser()).toMatchObject({ userId: sub, username: sub });
    expect((await fetchAuthSession()).tokens?.idToken?.payload.email).toBe(email);
    expect(sessionsSeenByDefine(sub)).toEqual([
      [],
      [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CODE-1' }],
      [
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CODE-1' },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CODE-2' },
      ],
    ]);
  });

  it('Amplify CUSTOM_WITH_SRP: SRP_A, the password verifier, then the code challenge', async () => {
    const { email, sub } = await confirmedUser(server);
    const started = await signIn({ username: email, password: testPassword, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
    expect(started.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { hint, attempt: '3', USERNAME: sub } });
    expect(await confirmSignIn({ challengeResponse: app.sentCodes.get(sub)! })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const srpA = { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null };
    const verified = { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null };
    expect(sessionsSeenByDefine(sub)).toEqual([[srpA], [srpA, verified], [srpA, verified, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CODE-3' }]]);
  });

  it('Amplify CUSTOM_WITH_SRP with a wrong password fails at the verifier, before any custom challenge', async () => {
    const { email, sub } = await confirmedUser(server);
    await expect(signIn({ username: email, password: `${testPassword}x`, options: { authFlowType: 'CUSTOM_WITH_SRP' } })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(sessionsSeenByDefine(sub)).toEqual([[{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }]]);
  });

  it('amazon-cognito-identity-js: initiateAuth calls customChallenge, sendCustomChallengeAnswer signs in', async () => {
    const { email, sub } = await confirmedUser(server);
    const pool = new CognitoUserPool({ UserPoolId: hookPoolId, ClientId: customClientId, endpoint: server.url });
    const user = new CognitoUser({ Username: email, Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const signedIn = await new Promise<CognitoUserSession>((resolve, reject) => {
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        customChallenge(parameters: Record<string, string>) {
          expect(parameters).toEqual({ hint, attempt: '1', USERNAME: sub });
          user.sendCustomChallengeAnswer(app.sentCodes.get(sub)!, callbacks);
        },
      };
      user.initiateAuth(new AuthenticationDetails({ Username: email }), callbacks);
    });
    expect(signedIn.getIdToken().payload.sub).toBe(sub);
  });
});
