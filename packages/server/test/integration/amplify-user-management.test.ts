// aws-amplify v6, unchanged, against a real Cognate server on loopback: what an app does to manage
// its users — an invited user's first sign-in, password resets and changes, attribute
// verification and deletion, and groups in the tokens — with codes read from mail delivered over SMTP.
import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  deleteUserAttributes,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resetPassword,
  sendUserAttributeVerificationCode,
  signIn,
  signOut,
  signUp,
  updatePassword,
} from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { sdkClient, uniqueEmail } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver.js';

const password = 'Correct-Horse-9';
const newPassword = 'Battery-Staple-7';
const temporaryPassword = 'Temporary-Pass-1';

const authFlows: Array<'ALLOW_USER_SRP_AUTH' | 'ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH'> = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
];

/** Users sign up with their email; `custom:team` is there to be deleted. */
const usersPool = { id: 'us-east-1_AmplifyUsers', clientId: 'amplifyusers1' };
/** Users are invited by an administrator and must give their `name` at their first sign-in. */
const invitationsPool = { id: 'us-east-1_AmplifyInvites', clientId: 'amplifyinvites1' };

const config: ConfigFile = {
  UserPools: [
    {
      Id: usersPool.id,
      PoolName: 'amplify-users',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }],
      Clients: [{ ClientId: usersPool.clientId, ClientName: 'amplify-users', ExplicitAuthFlows: authFlows }],
    },
    {
      Id: invitationsPool.id,
      PoolName: 'amplify-invitations',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'name', Required: true, Mutable: true }],
      Clients: [{ ClientId: invitationsPool.clientId, ClientName: 'amplify-invitations', ExplicitAuthFlows: authFlows }],
    },
  ],
};

/** Points Amplify (one configuration per process) at a pool of the server. */
function useAmplifyPool(server: RunningServer, pool: { id: string; clientId: string }): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: pool.id, userPoolClientId: pool.clientId, userPoolEndpoint: server.url } } });
}

describe.each(dialects)('aws-amplify v6 user management against Cognate on %s', (dialect) => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let admin: CognitoIdentityProviderClient;
  /** Mails whose code a test already took, so the next wait is for a new mail. */
  const taken = new Set<ReceivedMail>();

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(dialect, { config, smtpUrl: smtp.url });
    admin = sdkClient(server);
  });

  beforeEach(() => useAmplifyPool(server, usersPool));

  afterEach(async () => {
    // Amplify keeps one signed-in user per process; every test starts signed out.
    await signOut();
  });

  afterAll(async () => {
    admin?.destroy();
    await server?.close();
    await smtp?.close();
  });


  /** The code in the next verification mail to `address` that no test has read yet. */
  async function nextCode(address: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && !taken.has(m));
    taken.add(mail);
    expect(mail.subject).toBe('Your verification code');
    const match = /^Your verification code is (\d{6})\.$/.exec(mail.text);
    expect(match, `mail text: ${mail.text}`).not.toBeNull();
    return match![1]!;
  }

  /** Signs up and confirms through Amplify in the users pool; returns the user's sub. */
  async function confirmedUser(email: string, userAttributes: Record<string, string> = {}): Promise<string> {
    const { userId } = await signUp({ username: email, password, options: { userAttributes: { email, ...userAttributes } } });
    await confirmSignUp({ username: email, confirmationCode: await nextCode(email) });
    return userId!;
  }

  const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const epochSeconds = expect.any(Number);
  const signedIn = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
  const emailDelivery = { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' };
  const incorrectCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

  it('an invited user (AdminCreateUser, temporary password) gets CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED with missingAttributes, and confirmSignIn with a new password and the name signs in', async () => {
    useAmplifyPool(server, invitationsPool);
    const email = uniqueEmail();
    const { User } = await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: invitationsPool.id,
        Username: email,
        TemporaryPassword: temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const username = User!.Username!;
    expect(User!.UserStatus).toBe('FORCE_CHANGE_PASSWORD');

    expect(await signIn({ username: email, password: temporaryPassword })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: ['name'] },
    });
    expect(await confirmSignIn({ challengeResponse: newPassword, options: { userAttributes: { name: 'Ada Lovelace' } } })).toEqual(signedIn);

    const sub = (await getCurrentUser()).userId;
    expect(await getCurrentUser()).toEqual({ username, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
    expect(await fetchUserAttributes()).toEqual({ email, email_verified: 'true', name: 'Ada Lovelace', sub });
    expect((await fetchAuthSession()).tokens!.idToken!.payload).toEqual({
      sub,
      email,
      email_verified: true,
      name: 'Ada Lovelace',
      'cognito:username': username,
      aud: invitationsPool.clientId,
      token_use: 'id',
      origin_jti: uuid,
      event_id: uuid,
      auth_time: epochSeconds,
      iss: `${server.url}/${invitationsPool.id}`,
      iat: epochSeconds,
      exp: epochSeconds,
      jti: uuid,
    });
    // The server kept the name and moved the user out of FORCE_CHANGE_PASSWORD.
    const saved = await admin.send(new AdminGetUserCommand({ UserPoolId: invitationsPool.id, Username: username }));
    expect(saved.UserStatus).toBe('CONFIRMED');
    expect(saved.UserAttributes).toEqual([
      { Name: 'sub', Value: sub },
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Ada Lovelace' },
    ]);

    // The chosen password is now the password; the temporary one is over.
    await signOut();
    expect(await signIn({ username: email, password: newPassword })).toEqual(signedIn);
    await signOut();
    await expect(signIn({ username: email, password: temporaryPassword })).rejects.toMatchObject(incorrectCredentials);
  });

  it('resetPassword gives CONFIRM_RESET_PASSWORD_WITH_CODE; confirmResetPassword with the mailed code sets the new password', async () => {
    const email = uniqueEmail();
    await confirmedUser(email);

    expect(await resetPassword({ username: email })).toEqual({
      isPasswordReset: false,
      nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: emailDelivery },
    });
    await confirmResetPassword({ username: email, confirmationCode: await nextCode(email), newPassword });

    expect(await signIn({ username: email, password: newPassword })).toEqual(signedIn);
    await signOut();
    await expect(signIn({ username: email, password })).rejects.toMatchObject(incorrectCredentials);
  });

  it('after AdminResetUserPassword, signIn gives RESET_PASSWORD; resetPassword and confirmResetPassword with the mailed code let the user sign in again', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: usersPool.id, Username: email }));
    // The administrator's reset mails a code of its own.
    expect(await nextCode(email)).toMatch(/^\d{6}$/);

    expect(await signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'RESET_PASSWORD' } });
    expect(await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'RESET_PASSWORD' },
    });

    expect(await resetPassword({ username: email })).toEqual({
      isPasswordReset: false,
      nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: emailDelivery },
    });
    await confirmResetPassword({ username: email, confirmationCode: await nextCode(email), newPassword });

    expect(await signIn({ username: email, password: newPassword })).toEqual(signedIn);
    expect((await getCurrentUser()).userId).toBe(sub);
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: usersPool.id, Username: email }))).UserStatus).toBe('CONFIRMED');
  });

  it('updatePassword: the new password signs in and the old one no longer does; a wrong oldPassword is refused with NotAuthorizedException', async () => {
    const email = uniqueEmail();
    await confirmedUser(email);
    await signIn({ username: email, password });

    await expect(updatePassword({ oldPassword: 'Wrong-Horse-9', newPassword })).rejects.toMatchObject(incorrectCredentials);
    await updatePassword({ oldPassword: password, newPassword });

    await signOut();
    await expect(signIn({ username: email, password })).rejects.toMatchObject(incorrectCredentials);
    expect(await signIn({ username: email, password: newPassword })).toEqual(signedIn);
  });

  it('sendUserAttributeVerificationCode for email gives codeDeliveryDetails; confirmUserAttribute with the mailed code verifies the email', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    await admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId: usersPool.id, Username: email, UserAttributes: [{ Name: 'email_verified', Value: 'false' }] }));
    await signIn({ username: email, password });
    expect(await fetchUserAttributes()).toEqual({ email, email_verified: 'false', sub });

    expect(await sendUserAttributeVerificationCode({ userAttributeKey: 'email' })).toEqual(emailDelivery);
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: await nextCode(email) });

    expect(await fetchUserAttributes()).toEqual({ email, email_verified: 'true', sub });
  });

  it('deleteUserAttributes removes a custom attribute', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email, { 'custom:team': 'analytical-engine' });
    await signIn({ username: email, password });
    expect(await fetchUserAttributes()).toEqual({ email, email_verified: 'true', 'custom:team': 'analytical-engine', sub });
    expect((await fetchAuthSession()).tokens!.idToken!.payload['custom:team']).toBe('analytical-engine');

    await deleteUserAttributes({ userAttributeKeys: ['custom:team'] });

    expect(await fetchUserAttributes()).toEqual({ email, email_verified: 'true', sub });
    const refreshed = (await fetchAuthSession({ forceRefresh: true })).tokens!;
    expect(refreshed.idToken!.payload).not.toHaveProperty('custom:team');
  });

  it('fetchAuthSession gives cognito:groups in the ID and access tokens after AdminAddUserToGroup, in precedence order', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    const suffix = randomUUID().slice(0, 8);
    const editors = `editors-${suffix}`;
    const readers = `readers-${suffix}`;
    const editorRole = 'arn:aws:iam::123456789012:role/editor';
    await admin.send(new CreateGroupCommand({ UserPoolId: usersPool.id, GroupName: readers, Precedence: 2 }));
    await admin.send(new CreateGroupCommand({ UserPoolId: usersPool.id, GroupName: editors, Precedence: 1, RoleArn: editorRole }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: usersPool.id, Username: email, GroupName: readers }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: usersPool.id, Username: email, GroupName: editors }));

    expect(await signIn({ username: email, password })).toEqual(signedIn);
    const { accessToken, idToken } = (await fetchAuthSession()).tokens!;
    const username = (await getCurrentUser()).username;
    const iss = `${server.url}/${usersPool.id}`;
    expect(idToken!.payload).toEqual({
      sub,
      email,
      email_verified: true,
      'cognito:username': username,
      'cognito:groups': [editors, readers],
      'cognito:roles': [editorRole],
      'cognito:preferred_role': editorRole,
      aud: usersPool.clientId,
      token_use: 'id',
      origin_jti: uuid,
      event_id: uuid,
      auth_time: epochSeconds,
      iss,
      iat: epochSeconds,
      exp: epochSeconds,
      jti: uuid,
    });
    expect(accessToken.payload).toEqual({
      sub,
      'cognito:groups': [editors, readers],
      client_id: usersPool.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      origin_jti: idToken!.payload.origin_jti,
      event_id: uuid,
      auth_time: idToken!.payload.auth_time,
      username,
      iss,
      iat: epochSeconds,
      exp: epochSeconds,
      jti: uuid,
    });
  });
});
