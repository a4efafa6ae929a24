import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserAttributesCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { confirmedUser, latestCode, passwordSignIn, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const newPassword = 'Brand-new-pass-7';
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describe.each(dialects)('ChangePassword, ForgotPassword, ConfirmForgotPassword and DeleteUserAttributes (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);
  const forgot = (Username: string, ClientId = 'publicclient1') => client().send(new ForgotPasswordCommand({ ClientId, Username }));
  const confirmForgot = (Username: string, ConfirmationCode: string, Password = newPassword, ClientId = 'publicclient1') =>
    client().send(new ConfirmForgotPasswordCommand({ ClientId, Username, ConfirmationCode, Password }));

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig, clock });
  });
  afterAll(() => server.close());

  it('ChangePassword needs the current password, follows the policy and replaces the password for both flows', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    expect(await rejection(client().send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Wrong-password-1', ProposedPassword: newPassword })))).toMatchObject(incorrect);
    expect(await rejection(client().send(new ChangePasswordCommand({ AccessToken, PreviousPassword: testPassword, ProposedPassword: 'weak' })))).toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    await client().send(new ChangePasswordCommand({ AccessToken, PreviousPassword: testPassword, ProposedPassword: newPassword }));
    expect(await rejection(passwordSignIn(server, email))).toMatchObject(incorrect);
    expect((await passwordSignIn(server, email, client(), newPassword)).AccessToken).toBeDefined();
  });

  it('ForgotPassword sends a code that ConfirmForgotPassword accepts once, within the hour', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    expect((await forgot(email)).CodeDeliveryDetails).toEqual({ Destination: `${email[0]}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = await latestCode(server, email);
    expect(await rejection(confirmForgot(email, code === '000000' ? '111111' : '000000'))).toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect(await rejection(confirmForgot(email, code, 'weak'))).toMatchObject({ name: 'InvalidPasswordException' });
    await confirmForgot(email, code);
    expect(await rejection(confirmForgot(email, code))).toMatchObject({ name: 'ExpiredCodeException' });
    expect((await passwordSignIn(server, email, client(), newPassword)).AccessToken).toBeDefined();

    await forgot(email);
    const late = await latestCode(server, email);
    clock.advance(3600_000 + 1);
    expect(await rejection(confirmForgot(email, late, 'Another-pass-8'))).toMatchObject({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('hides whether a user exists when the client prevents user existence errors', async () => {
    const ghost = uniqueEmail('ghost');
    expect((await forgot(ghost)).CodeDeliveryDetails).toEqual({ Destination: 'g***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(await rejection(confirmForgot(ghost, '123456'))).toMatchObject({ name: 'CodeMismatchException' });
    expect(await rejection(forgot(ghost, 'legacyclient1'))).toMatchObject({ name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('refuses recovery without a verified channel when the client reveals it', async () => {
    const email = uniqueEmail();
    await client().send(new SignUpCommand({ ClientId: 'legacyclient1', Username: email, Password: testPassword }));
    expect(await rejection(forgot(email, 'legacyclient1'))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('resets a user whose password an admin reset, who then signs in with the new one', async () => {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    const { userStore } = await import('../../src/store/users.js');
    await userStore.update(server.context.db, { poolId: 'us-east-1_TestPool1', sub }, { status: 'RESET_REQUIRED' });
    expect((await rejection(passwordSignIn(server, email))).name).toBe('PasswordResetRequiredException');
    await forgot(email);
    await confirmForgot(email, await latestCode(server, email));
    expect((await passwordSignIn(server, email, client(), newPassword)).AccessToken).toBeDefined();
  });

  it('DeleteUserAttributes removes attributes but not the one the user signs in with', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    await client().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'name', Value: 'Ada' }, { Name: 'custom:team', Value: 'x' }] }));
    await client().send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames: ['name', 'custom:team'] }));
    const names = (await client().send(new GetUserCommand({ AccessToken }))).UserAttributes!.map((a) => a.Name);
    expect(names).toEqual(['sub', 'email', 'email_verified']);
    expect(await rejection(client().send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames: ['email'] })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Cannot delete the required attribute email.',
    });
  });

  it('signs in by a verified email alias in a username pool, case-insensitively', async () => {
    const ClientId = 'usernameclient1';
    const email = uniqueEmail();
    const username = `User${Date.now()}`;
    await client().send(new SignUpCommand({ ClientId, Username: username, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'name', Value: 'A' }] }));
    await client().send(new ConfirmSignUpCommand({ ClientId, Username: username.toLowerCase(), ConfirmationCode: await latestCode(server, email) }));
    const byAlias = await client().send(
      new (await import('@aws-sdk/client-cognito-identity-provider')).InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword } }),
    );
    const claims = JSON.parse(Buffer.from(byAlias.AuthenticationResult!.IdToken!.split('.')[1]!, 'base64url').toString());
    expect(claims['cognito:username']).toBe(username);
    expect(await rejection(client().send(new SignUpCommand({ ClientId, Username: email, Password: testPassword })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
    });
  });
});
