import {
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { confirmedUser, latestCode, passwordSignIn, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

describe.each(dialects)('self-service operations with an access token through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const client = () => sdkClient(server);
  const attributesOf = async (AccessToken: string) =>
    Object.fromEntries((await client().send(new GetUserCommand({ AccessToken }))).UserAttributes!.map((a) => [a.Name, a.Value]));

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig });
  });
  afterAll(() => server.close());

  it('GetUser answers the username and every attribute, sub first', async () => {
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    const user = await client().send(new GetUserCommand({ AccessToken }));
    expect(user.Username).toBe(sub);
    expect(user.UserAttributes).toEqual([
      { Name: 'sub', Value: sub },
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ]);
  });

  it('UpdateUserAttributes changes plain attributes at once and sends a code for a new email', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    const plain = await client().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'name', Value: 'Grace' }, { Name: 'custom:team', Value: 'infra' }] }));
    expect(plain.CodeDeliveryDetailsList).toEqual([]);
    const newEmail = uniqueEmail('moved');
    const changed = await client().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: newEmail }] }));
    expect(changed.CodeDeliveryDetailsList).toEqual([{ Destination: 'm***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect(await attributesOf(AccessToken!)).toMatchObject({ name: 'Grace', 'custom:team': 'infra', email: newEmail, email_verified: 'false' });

    await client().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: await latestCode(server, newEmail) }));
    expect(await attributesOf(AccessToken!)).toMatchObject({ email: newEmail, email_verified: 'true' });
    expect((await passwordSignIn(server, newEmail)).AccessToken).toBeDefined();
    expect(await rejection(passwordSignIn(server, email))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses an email that another account signs in with, and writes to the verified flags', async () => {
    const taken = await confirmedUser(server, client(), uniqueEmail());
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    expect(await rejection(client().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: taken.email }] })))).toMatchObject({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(await rejection(client().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] })))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    });
    expect(await attributesOf(AccessToken!)).toMatchObject({ email, email_verified: 'true' });
  });

  it('GetUserAttributeVerificationCode sends a code that VerifyUserAttribute accepts once', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    const sent = await client().send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    expect(sent.CodeDeliveryDetails).toEqual({ Destination: `${email[0]}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = await latestCode(server, email);
    expect(await rejection(client().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: code === '000000' ? '999999' : '000000' })))).toMatchObject({
      name: 'CodeMismatchException',
    });
    await client().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: code }));
    expect(await rejection(client().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: code })))).toMatchObject({ name: 'ExpiredCodeException' });
  });

  it('DeleteUser removes the user: the token then names a user that does not exist and sign-in fails', async () => {
    const { email } = await confirmedUser(server, client(), uniqueEmail());
    const { AccessToken } = await passwordSignIn(server, email);
    await client().send(new DeleteUserCommand({ AccessToken }));
    expect(await rejection(client().send(new GetUserCommand({ AccessToken })))).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await rejection(passwordSignIn(server, email))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const again = await confirmedUser(server, client(), email);
    expect(again.email).toBe(email);
    expect((await passwordSignIn(server, email, client(), testPassword)).AccessToken).toBeDefined();
  });
});
