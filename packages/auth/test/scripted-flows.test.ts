// Custom auth, choice-based sign-in (USER_AUTH) and passkeys: the library's side, end to end over
// HTTP. Cognate lacks these flows, so support/scripted-flows.ts answers their challenges as the wire
// reference describes, in front of a real Cognate that still checks passwords, SRP and issues tokens.
import { AdminConfirmSignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sdkClient } from '../../server/test/support/sdk.js';
import { createAuth, createMemoryStorage } from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { recordingFetch, rejection } from './support/requests.js';
import { customAnswer, scriptedFlows, type ScriptedFlows } from './support/scripted-flows.js';

describe('custom, USER_AUTH and WEB_AUTHN sign-in (scripted challenges, real Cognate behind)', () => {
  let cognate: Cognate;
  let script: ScriptedFlows;
  beforeAll(async () => {
    script = scriptedFlows();
    cognate = await startCognate('sqlite', { extraOperations: script.operations });
  });
  afterAll(() => cognate.close());
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function user() {
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { fetch: recorder.fetch });
    const email = newEmail();
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    script.registerPassword(userId!, password);
    script.registerPassword(email, password);
    recorder.requests.length = 0;
    return { auth, recorder, email, sub: userId! };
  }
  const steps = (auth: { recorder: ReturnType<typeof recordingFetch> }) =>
    auth.recorder.requests.map(({ operation, body }) => [operation, body.AuthFlow ?? body.ChallengeName]);

  it('CUSTOM_WITHOUT_SRP: CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE with the challenge parameters, then the answer', async () => {
    const { auth, recorder, email } = await user();
    expect(await rejection(auth.signIn({ username: email, password, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } }))).toMatchObject({
      name: 'CustomAuthSignInPassword',
      message: 'A password is not needed when signing in with CUSTOM_WITHOUT_SRP',
    });
    expect(await auth.signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { USERNAME: email, question: 'What is 6 × 7?' } },
    });
    expect(await rejection(auth.confirmSignIn({ challengeResponse: '41' }))).toMatchObject({ name: 'NotAuthorizedException' });
    expect(await auth.confirmSignIn({ challengeResponse: customAnswer })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.requests.find((r) => r.body.AuthFlow === 'CUSTOM_AUTH')!.body.AuthParameters).toEqual({ USERNAME: email });
    expect((await auth.getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'CUSTOM_WITHOUT_SRP' });
  });

  it('CUSTOM_WITH_SRP: SRP_A with CHALLENGE_NAME SRP_A, the password verifier, then the custom challenge', async () => {
    const signedIn = await user();
    const { auth, recorder, email, sub } = signedIn;
    expect((await auth.signIn({ username: email, password, options: { authFlowType: 'CUSTOM_WITH_SRP' } })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
    );
    expect(recorder.requests[0]!.body.AuthParameters).toEqual({ USERNAME: email, SRP_A: expect.stringMatching(/^[0-9a-f]+$/), CHALLENGE_NAME: 'SRP_A' });
    expect((await auth.confirmSignIn({ challengeResponse: customAnswer })).isSignedIn).toBe(true);
    expect(steps(signedIn)).toEqual([
      ['InitiateAuth', 'CUSTOM_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
      ['RespondToAuthChallenge', 'CUSTOM_CHALLENGE'],
    ]);
    expect((await auth.getCurrentUser()).username).toBe(sub);
  });

  it('USER_AUTH without preference: first-factor selection; PASSWORD asks for the password locally, then answers SELECT_CHALLENGE', async () => {
    const signedIn = await user();
    const { auth, recorder, email } = signedIn;
    expect(await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'] },
    });
    const selectSession = recorder.requests.length;
    expect(await auth.confirmSignIn({ challengeResponse: 'PASSWORD' })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' } });
    expect(recorder.requests).toHaveLength(selectSession);
    expect((await auth.confirmSignIn({ challengeResponse: password })).isSignedIn).toBe(true);
    const answer = recorder.requests.at(-1)!.body;
    expect(answer).toEqual({ ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { USERNAME: email, ANSWER: 'PASSWORD', PASSWORD: password }, Session: expect.stringMatching(/^select:/), ClientId: 'authlibclient1' });
    expect((await auth.getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'USER_AUTH' });
  });

  it('USER_AUTH, PASSWORD_SRP chosen: SRP through SELECT_CHALLENGE, verified by Cognate', async () => {
    const signedIn = await user();
    const { auth, email } = signedIn;
    await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
    await auth.confirmSignIn({ challengeResponse: 'PASSWORD_SRP' });
    expect(await rejection(auth.confirmSignIn({ challengeResponse: 'Wrong-Horse-9' }))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
    await auth.confirmSignIn({ challengeResponse: 'PASSWORD_SRP' });
    expect((await auth.confirmSignIn({ challengeResponse: password })).isSignedIn).toBe(true);
    expect(steps(signedIn).slice(-3)).toEqual([
      ['InitiateAuth', 'USER_AUTH'],
      ['RespondToAuthChallenge', 'SELECT_CHALLENGE'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
    ]);
  });

  it('USER_AUTH, EMAIL_OTP chosen: CONFIRM_SIGN_IN_WITH_EMAIL_CODE then the code', async () => {
    const { auth, email } = await user();
    await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
    expect(await auth.confirmSignIn({ challengeResponse: 'EMAIL_OTP' })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'u***@e***' } },
    });
    expect((await auth.confirmSignIn({ challengeResponse: script.otpFor(email)! })).isSignedIn).toBe(true);
  });

  it('USER_AUTH with preferredChallenge PASSWORD_SRP or PASSWORD signs in without a selection step', async () => {
    const srp = await user();
    expect((await srp.auth.signIn({ username: srp.email, password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' } })).isSignedIn).toBe(true);
    expect(srp.recorder.requests[0]!.body.AuthParameters).toEqual({ USERNAME: srp.email, SRP_A: expect.any(String), PREFERRED_CHALLENGE: 'PASSWORD_SRP' });
    const plain = await user();
    expect((await plain.auth.signIn({ username: plain.email, password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' } })).isSignedIn).toBe(true);
    expect(plain.recorder.requests[0]!.body.AuthParameters).toEqual({ USERNAME: plain.email, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password });
  });

  it('USER_AUTH: a preferred challenge the config’s passwordless section does not enable is InvalidPreferredChallenge', async () => {
    const config = cognate.configFor();
    const auth = createAuth({ Auth: { Cognito: { ...config.Auth.Cognito, passwordless: { emailOtpEnabled: false } } } }, { storage: createMemoryStorage() });
    expect(await rejection(auth.signIn({ username: 'x@example.com', options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } }))).toMatchObject({
      name: 'InvalidPreferredChallenge',
      message: 'The preferred challenge is not enabled in your backend configuration',
    });
  });

  it('autoSignIn with USER_AUTH sends the ConfirmSignUp session instead of a password', async () => {
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { fetch: recorder.fetch });
    const email = newEmail();
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email }, autoSignIn: { authFlowType: 'USER_AUTH' } } });
    script.registerPassword(email, password);
    script.registerPassword(userId!, password);
    expect((await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) })).nextStep).toEqual({ signUpStep: 'COMPLETE_AUTO_SIGN_IN' });
    expect(await auth.autoSignIn()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.requests.at(-1)).toEqual({
      operation: 'InitiateAuth',
      body: { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, ClientId: 'authlibclient1', Session: expect.stringMatching(/^signup:/) },
    });
  });

  it('a sign-up the pool confirms at once: DONE, or COMPLETE_AUTO_SIGN_IN with autoSignIn', async () => {
    const auth = cognate.auth();
    const plain = `confirmed-${newEmail()}`;
    expect(await auth.signUp({ username: plain, password, options: { userAttributes: { email: plain } } })).toEqual({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'DONE' },
      userId: expect.any(String),
    });
    const auto = `confirmed-${newEmail()}`;
    expect((await auth.signUp({ username: auto, password, options: { userAttributes: { email: auto }, autoSignIn: true } })).nextStep).toEqual({
      signUpStep: 'COMPLETE_AUTO_SIGN_IN',
    });
    expect(await auth.autoSignIn()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('signUpVerificationMethod link: COMPLETE_AUTO_SIGN_IN at sign-up; autoSignIn signs in once the link was followed', async () => {
    const config = cognate.configFor();
    const auth = createAuth({ Auth: { Cognito: { ...config.Auth.Cognito, signUpVerificationMethod: 'link' } } }, { storage: createMemoryStorage(), now: () => cognate.clock.now() });
    const email = newEmail();
    expect(await auth.signUp({ username: email, password, options: { userAttributes: { email }, autoSignIn: true } })).toEqual({
      isSignUpComplete: false,
      userId: expect.any(String),
      nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN', codeDeliveryDetails: { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' } },
    });
    // The user follows the link elsewhere (here: an administrator confirms).
    await sdkClient(cognate.server).send(new AdminConfirmSignUpCommand({ UserPoolId: 'us-east-1_AuthLib1', Username: email }));
    expect(await auth.autoSignIn()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('WEB_AUTHN: asks navigator.credentials for a passkey with the server’s options and answers with the assertion', async () => {
    const requests: unknown[] = [];
    const bytes = (text: string) => new TextEncoder().encode(text).buffer;
    vi.stubGlobal('navigator', {
      credentials: {
        async get(options: { publicKey: { challenge: Uint8Array; allowCredentials: Array<{ id: Uint8Array }> } }) {
          requests.push(options);
          return {
            id: 'cred-1',
            rawId: bytes('cred-1'),
            type: 'public-key',
            authenticatorAttachment: 'platform',
            getClientExtensionResults: () => ({}),
            response: { clientDataJSON: bytes('{"type":"webauthn.get"}'), authenticatorData: bytes('auth-data'), signature: bytes('sig'), userHandle: null },
          };
        },
      },
    });
    const { auth, email } = await user();
    await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
    expect(await auth.confirmSignIn({ challengeResponse: 'WEB_AUTHN' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const publicKey = (requests[0] as { publicKey: { challenge: Uint8Array; allowCredentials: Array<{ id: Uint8Array }>; rpId: string } }).publicKey;
    expect(new TextDecoder().decode(publicKey.challenge)).toBe('challenge');
    expect(new TextDecoder().decode(publicKey.allowCredentials[0]!.id)).toBe('cred-1');
    expect(publicKey.rpId).toBe('localhost');
    expect(script.lastCredential).toEqual({
      id: 'cred-1',
      rawId: 'Y3JlZC0x',
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: { clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0', authenticatorData: 'YXV0aC1kYXRh', signature: 'c2ln' },
    });
  });
});

