import { ConfirmSignUpCommand, ResendConfirmationCodeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { latestCode, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const ClientId = 'publicclient1';

describe.each(dialects)('SignUp, ConfirmSignUp and ResendConfirmationCode through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const signUp = (email: string, password = testPassword, extra: Partial<ConstructorParameters<typeof SignUpCommand>[0]> = {}) =>
    client().send(new SignUpCommand({ ClientId, Username: email, Password: password, ...extra }));

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig, clock });
  });
  afterAll(() => server.close());

  it('signs up an unconfirmed user, mails a code and reports where it went', async () => {
    const email = uniqueEmail();
    const result = await signUp(email, testPassword, { UserAttributes: [{ Name: 'name', Value: 'Ada' }, { Name: 'custom:team', Value: 'core' }] });
    expect(result.UserConfirmed).toBe(false);
    expect(result.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.CodeDeliveryDetails).toEqual({ Destination: `${email[0]}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(await latestCode(server, email)).toMatch(/^\d{6}$/);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const email = uniqueEmail();
    await signUp(email);
    expect(await rejection(signUp(email.toUpperCase()))).toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
      status: 400,
    });
  });

  it.each([
    ['short', 'Password not long enough'],
    ['alllowercase1!', 'Password must have uppercase characters'],
    ['ALLUPPERCASE1!', 'Password must have lowercase characters'],
    ['NoDigits!here', 'Password must have numeric characters'],
    ['NoSymbols123', 'Password must have symbol characters'],
  ])('refuses the password %s with "%s"', async (password, reason) => {
    expect(await rejection(signUp(uniqueEmail(), password))).toMatchObject({
      name: 'InvalidPasswordException',
      message: `Password did not conform with policy: ${reason}`,
    });
  });

  it('refuses a username that is not an email in an email-as-username pool', async () => {
    expect(await rejection(signUp('not-an-email'))).toMatchObject({ name: 'InvalidParameterException', message: 'Username should be an email.' });
  });

  it('refuses attributes the schema does not know', async () => {
    expect(await rejection(signUp(uniqueEmail(), testPassword, { UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined',
    });
  });

  it('answers an unknown app client with ResourceNotFoundException', async () => {
    expect(await rejection(client().send(new SignUpCommand({ ClientId: 'nosuchclient', Username: uniqueEmail(), Password: testPassword })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    });
  });

  it('confirms with the right code once, and says so when confirmed again', async () => {
    const email = uniqueEmail();
    await signUp(email);
    const code = await latestCode(server, email);
    expect(await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code === '000000' ? '111111' : '000000' })))).toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    const confirmed = await client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code }));
    expect(confirmed.$metadata.httpStatusCode).toBe(200);
    expect(await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code })))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  it('expires confirmation codes after 24 hours', async () => {
    const email = uniqueEmail();
    await signUp(email);
    const code = await latestCode(server, email);
    clock.advance(24 * 3600_000 + 1000);
    expect(await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code })))).toMatchObject({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('spends a code after five wrong guesses, so the right one no longer works', async () => {
    const email = uniqueEmail();
    await signUp(email);
    const code = await latestCode(server, email);
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      expect((await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: wrong })))).name).toBe('CodeMismatchException');
    }
    expect(await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code })))).toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
  });

  it('resends a new code that replaces the old one', async () => {
    const email = uniqueEmail();
    await signUp(email);
    const first = await latestCode(server, email);
    const resent = await client().send(new ResendConfirmationCodeCommand({ ClientId, Username: email }));
    expect(resent.CodeDeliveryDetails).toEqual({ Destination: `${email[0]}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const second = await latestCode(server, email);
    if (first !== second) {
      expect((await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: first })))).name).toBe('CodeMismatchException');
    }
    await client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: second }));
  });

  it('answers ResendConfirmationCode and ConfirmSignUp for an unknown user with UserNotFoundException', async () => {
    const expected = { name: 'UserNotFoundException', message: 'Username/client id combination not found.' };
    expect(await rejection(client().send(new ResendConfirmationCodeCommand({ ClientId, Username: uniqueEmail() })))).toMatchObject(expected);
    expect(await rejection(client().send(new ConfirmSignUpCommand({ ClientId, Username: uniqueEmail(), ConfirmationCode: '123456' })))).toMatchObject(expected);
  });

  it('requires the SECRET_HASH of a confidential client', async () => {
    const confidential = server.pools[0]!.clients.find((c) => c.ClientId === 'secretclient1')!;
    const email = uniqueEmail();
    expect(await rejection(client().send(new SignUpCommand({ ClientId: confidential.ClientId, Username: email, Password: testPassword })))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unable to verify secret hash for client secretclient1',
    });
    const SecretHash = createHmac('sha256', confidential.ClientSecret!).update(email + confidential.ClientId).digest('base64');
    const result = await client().send(new SignUpCommand({ ClientId: confidential.ClientId, Username: email, Password: testPassword, SecretHash }));
    expect(result.UserConfirmed).toBe(false);
  });
});
