// Sign-up, confirmation and autoSignIn through @cognate/auth against a real Cognate server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../src/index.js';
import { newEmail, password, startCognate, uuid, type Cognate } from './support/cognate.js';
import { rejection } from './support/requests.js';

describe('sign-up against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  it('signUp answers CONFIRM_SIGN_UP with the delivery details and the userId, and mails a code', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    const result = await auth.signUp({ username: email, password, options: { userAttributes: { email, 'custom:team': 'red' } } });
    expect(result).toEqual({
      isSignUpComplete: false,
      userId: expect.stringMatching(uuid),
      nextStep: { signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' } },
    });
    expect(await cognate.emailCode(email)).toMatch(/^\d{6}$/);
  });

  it('confirmSignUp with the mailed code is DONE; a wrong code is CodeMismatchException with the server text', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    const code = await cognate.emailCode(email);
    const error = await rejection(auth.confirmSignUp({ username: email, confirmationCode: code === '000000' ? '111111' : '000000' }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect(await auth.confirmSignUp({ username: email, confirmationCode: code })).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
  });

  it('resendSignUpCode mails a new code and the old one stops working', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    const oldCode = await cognate.emailCode(email);
    expect(await auth.resendSignUpCode({ username: email })).toEqual({ destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' });
    const newCode = await cognate.emailCode(email);
    expect(await rejection(auth.confirmSignUp({ username: email, confirmationCode: oldCode }))).toMatchObject({ name: 'CodeMismatchException' });
    expect((await auth.confirmSignUp({ username: email, confirmationCode: newCode })).nextStep).toEqual({ signUpStep: 'DONE' });
  });

  it('autoSignIn: confirmSignUp answers COMPLETE_AUTO_SIGN_IN, then autoSignIn signs in with the remembered password', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    const events: string[] = [];
    auth.Hub.listen('auth', ({ payload }) => events.push(payload.event));
    const signedUp = await auth.signUp({ username: email, password, options: { userAttributes: { email }, autoSignIn: true } });
    expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expect(await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) })).toEqual({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' },
    });
    expect(await auth.autoSignIn()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await auth.getCurrentUser()).toEqual({ username: signedUp.userId, userId: signedUp.userId, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
    expect(events).toEqual(['signedIn']);
    // Used once: a second call has nothing to sign in.
    expect(await rejection(auth.autoSignIn())).toMatchObject({ name: 'AutoSignInException', message: 'The autoSignIn flow has not started, or has been cancelled/completed.' });
  });

  it('autoSignIn with USER_PASSWORD_AUTH options signs in with that flow', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    await auth.signUp({ username: email, password, options: { userAttributes: { email }, autoSignIn: { authFlowType: 'USER_PASSWORD_AUTH' } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    expect((await auth.autoSignIn()).isSignedIn).toBe(true);
    expect((await auth.getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'USER_PASSWORD_AUTH' });
  });

  it('autoSignIn is not offered for another user than the one signed up, nor after 3 minutes', async () => {
    const auth = cognate.auth();
    const [first, second] = [newEmail(), newEmail()];
    await auth.signUp({ username: second, password, options: { userAttributes: { email: second } } });
    const secondCode = await cognate.emailCode(second);
    await auth.signUp({ username: first, password, options: { userAttributes: { email: first }, autoSignIn: true } });
    expect((await auth.confirmSignUp({ username: second, confirmationCode: secondCode })).nextStep).toEqual({ signUpStep: 'DONE' });
    expect(await rejection(auth.autoSignIn())).toMatchObject({ name: 'AutoSignInException' });

    const late = newEmail();
    await auth.signUp({ username: late, password, options: { userAttributes: { email: late }, autoSignIn: true } });
    cognate.clock.advance(3 * 60_000 + 1);
    expect((await auth.confirmSignUp({ username: late, confirmationCode: await cognate.emailCode(late) })).nextStep).toEqual({ signUpStep: 'DONE' });
  });

  it('autoSignIn before any sign-up is AutoSignInException with Amplify’s recovery suggestion', async () => {
    expect(await rejection(cognate.auth().autoSignIn())).toMatchObject({
      name: 'AutoSignInException',
      recoverySuggestion: 'Please try to use the signIn API or log out before starting a new autoSignIn flow.',
    });
  });

  it('reports the server’s errors by name: a taken username, a weak password, an empty username', async () => {
    const auth = cognate.auth();
    const email = newEmail();
    await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    expect(await rejection(auth.signUp({ username: email, password, options: { userAttributes: { email } } }))).toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(await rejection(auth.signUp({ username: newEmail(), password: 'short', options: {} }))).toMatchObject({ name: 'InvalidPasswordException' });
    expect(await rejection(auth.signUp({ username: '', password }))).toMatchObject({ name: 'EmptySignUpUsername', message: 'username is required to signUp' });
  });

  it('sends validationData and clientMetadata on the wire as Cognito expects them', async () => {
    const requests: Array<Record<string, unknown>> = [];
    const auth = cognate.auth(undefined, {
      fetch: async (input, init) => {
        requests.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    const email = newEmail();
    await auth.signUp({ username: email, password, options: { userAttributes: { email }, validationData: { invite: 'abc' }, clientMetadata: { source: 'test' } } });
    expect(requests).toEqual([
      {
        ClientId: 'authlibclient1',
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
        ValidationData: [{ Name: 'invite', Value: 'abc' }],
        ClientMetadata: { source: 'test' },
      },
    ]);
  });
});
