import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  type AdminCreateUserCommandInput,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  type ListUsersCommandInput,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import type { UserPoolSettings } from '../../src/userpool/pool.js';
import { dialects } from '../support/databases.js';
import { latestCode, rejection, sdkClient } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver.js';
import { srpClient, srpTimestamp } from '../support/srp-client.js';

const poolId = 'us-east-1_AdminUsers1';
const clientId = 'adminusersclient1';
const emailPoolId = 'us-east-1_AdminEmail1';
const listPoolId = 'us-east-1_AdminList1';
const caseSensitivePoolId = 'us-east-1_AdminCase1';
const password = 'Admin-set-pass-1';

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'admin-users',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [
        { Name: 'team', AttributeDataType: 'String', Mutable: true },
        { Name: 'badge', AttributeDataType: 'String', Mutable: false },
      ],
      Clients: [
        {
          ClientId: clientId,
          ClientName: 'admin-users-app',
          PreventUserExistenceErrors: 'LEGACY',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
    },
    {
      Id: emailPoolId,
      PoolName: 'admin-email-users',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
    },
    { Id: listPoolId, PoolName: 'admin-list-users', Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }] },
    { Id: caseSensitivePoolId, PoolName: 'admin-case-sensitive', UsernameConfiguration: { CaseSensitive: true } },
  ],
};

const attributeList = (attributes: Record<string, string>): AttributeType[] => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
const attributeMap = (list: AttributeType[] | undefined) => Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value]));
/** The temporary password out of an invitation rendered from Cognito's default templates. */
const temporaryPasswordIn = (body: string) => /temporary password is (\S+?)\.?$/.exec(body)?.[1];

describe.each(dialects)('admin user operations through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const admin = () => {
    const client = sdkClient(server);
    // The server checks signature times against its clock, which these tests move by hand.
    client.config.systemClockOffset = clock.now() - Date.now();
    return client;
  };
  let counter = 0;
  const unique = (label: string) => `${label}-${++counter}`;

  const createUser = (Username: string, attributes: Record<string, string> = {}, extra: Partial<AdminCreateUserCommandInput> = {}) =>
    admin().send(new AdminCreateUserCommand({ UserPoolId: poolId, Username, UserAttributes: attributeList(attributes), ...extra }));
  const getUser = (Username: string, UserPoolId = poolId) => admin().send(new AdminGetUserCommand({ UserPoolId, Username }));
  const messagesTo = (to: string) => server.context.db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id').execute();
  const passwordAuth = (USERNAME: string, PASSWORD: string) =>
    admin().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
  const refreshAuth = (REFRESH_TOKEN: string) =>
    admin().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } }));

  /** A CONFIRMED user with a permanent password and a verified email that signs in as an alias. */
  async function confirmedUser(label: string, attributes: Record<string, string> = {}) {
    const username = unique(label);
    const email = `${username}@example.com`;
    const { User } = await createUser(username, { email, email_verified: 'true', ...attributes }, { MessageAction: 'SUPPRESS' });
    await admin().send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
    return { username, email, sub: attributeMap(User!.Attributes).sub! };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(() => server.close());

  describe('AdminCreateUser', () => {
    it('creates a FORCE_CHANGE_PASSWORD user and emails the invitation with a generated temporary password', async () => {
      clock.advance(1000);
      const created = await createUser('Grace.Hopper', { email: 'grace@example.com', email_verified: 'True', name: 'Grace' }, { DesiredDeliveryMediums: ['EMAIL'] });
      const sub = attributeMap(created.User!.Attributes).sub!;
      expect(sub).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.User).toEqual({
        Username: 'Grace.Hopper',
        Attributes: [
          { Name: 'sub', Value: sub },
          { Name: 'email', Value: 'grace@example.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Grace' },
        ],
        UserCreateDate: new Date(clock.now()),
        UserLastModifiedDate: new Date(clock.now()),
        Enabled: true,
        UserStatus: 'FORCE_CHANGE_PASSWORD',
      });

      const [invitation, ...others] = await messagesTo('grace@example.com');
      expect(others).toEqual([]);
      expect(invitation).toMatchObject({ channel: 'EMAIL', subject: 'Your temporary password', pool_id: poolId });
      expect(invitation!.body).toMatch(/^Your username is Grace\.Hopper and temporary password is \S+\.$/);
      const temporaryPassword = temporaryPasswordIn(invitation!.body)!;
      expect(temporaryPassword).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).{12}$/);

      expect(await rejection(passwordAuth('grace.hopper', 'Wrong-pass-1'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
      const byAlias = await getUser('GRACE@example.com');
      expect(byAlias).toMatchObject({ Username: 'Grace.Hopper', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
      expect(await getUser(sub)).toMatchObject({ Username: 'Grace.Hopper' });

      const challenged = await passwordAuth('grace.hopper', temporaryPassword);
      expect(challenged.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const answered = await admin().send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenged.Session,
          ChallengeResponses: { USERNAME: 'Grace.Hopper', NEW_PASSWORD: password },
        }),
      );
      expect(answered.AuthenticationResult?.AccessToken).toBeDefined();
      expect((await getUser('Grace.Hopper')).UserStatus).toBe('CONFIRMED');
    });

    it('sends by SMS when no medium is asked for, by both when both are, and nothing with SUPPRESS', async () => {
      await createUser(unique('texted'), { phone_number: '+15550100001', email: 'texted@example.com' }, { TemporaryPassword: 'Temp-pass-11' });
      expect(await messagesTo('+15550100001')).toMatchObject([{ channel: 'SMS', subject: null, body: expect.stringMatching(/^Your username is texted-\d+ and temporary password is Temp-pass-11$/) }]);
      expect(await messagesTo('texted@example.com')).toEqual([]);

      await createUser('both', { phone_number: '+15550100002', email: 'both@example.com' }, { TemporaryPassword: 'Temp-pass-12', DesiredDeliveryMediums: ['EMAIL', 'SMS'] });
      expect((await messagesTo('+15550100002')).map((m) => m.body)).toEqual(['Your username is both and temporary password is Temp-pass-12']);
      expect((await messagesTo('both@example.com')).map((m) => m.body)).toEqual(['Your username is both and temporary password is Temp-pass-12.']);

      await createUser('emailonly', { email: 'emailonly@example.com' }, { TemporaryPassword: 'Temp-pass-13' });
      expect((await messagesTo('emailonly@example.com')).map((m) => m.channel)).toEqual(['EMAIL']);

      await createUser('quiet', { email: 'quiet@example.com' }, { TemporaryPassword: 'Quiet-pass-1', MessageAction: 'SUPPRESS' });
      expect(await messagesTo('quiet@example.com')).toEqual([]);
      expect((await passwordAuth('quiet', 'Quiet-pass-1')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    });

    it('RESEND sends a new temporary password that replaces an expired one, only to users who have not signed in', async () => {
      await createUser('resent', { email: 'resent@example.com' }, { TemporaryPassword: 'First-temp-1', DesiredDeliveryMediums: ['EMAIL'] });
      clock.advance(7 * 86_400_000 + 1000);
      expect(await rejection(passwordAuth('resent', 'First-temp-1'))).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Temporary password has expired and must be reset by an administrator.',
      });
      const { User } = await createUser('RESENT', {}, { MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
      expect(User).toMatchObject({ Username: 'resent', UserStatus: 'FORCE_CHANGE_PASSWORD', UserLastModifiedDate: new Date(clock.now()) });
      const bodies = (await messagesTo('resent@example.com')).map((m) => m.body);
      expect(bodies).toHaveLength(2);
      const second = temporaryPasswordIn(bodies[1]!)!;
      expect(second).not.toBe('First-temp-1');
      expect(await rejection(passwordAuth('resent', 'First-temp-1'))).toMatchObject({ name: 'NotAuthorizedException' });
      expect((await passwordAuth('resent', second)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

      expect(await rejection(createUser('nobody-here', {}, { MessageAction: 'RESEND' }))).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
      const { username } = await confirmedUser('confirmed');
      expect(await rejection(createUser(username, {}, { MessageAction: 'RESEND' }))).toMatchObject({
        name: 'UnsupportedUserStateException',
        message: `Resend not possible. ${username} status is not FORCE_CHANGE_PASSWORD.`,
      });
    });

    it('refuses taken usernames, weak temporary passwords, malformed usernames and unknown pools', async () => {
      await createUser('taken', {}, { MessageAction: 'SUPPRESS' });
      expect(await rejection(createUser('TAKEN', {}, { MessageAction: 'SUPPRESS' }))).toMatchObject({ name: 'UsernameExistsException', message: 'User account already exists', status: 400 });
      expect(await rejection(createUser('weak', {}, { TemporaryPassword: 'short' }))).toMatchObject({
        name: 'InvalidPasswordException',
        message: 'Password does not conform to policy: Password not long enough',
      });
      expect(await rejection(createUser('someone@example.com'))).toMatchObject({
        name: 'InvalidParameterException',
        message: 'Username cannot be of email format, since user pool is configured for email alias.',
      });
      expect(await rejection(createUser('needs-team', { 'custom:nope': 'x' }))).toMatchObject({
        name: 'InvalidParameterException',
        message: 'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined',
      });
      expect(await rejection(admin().send(new AdminCreateUserCommand({ UserPoolId: 'us-east-1_Nope', Username: 'x' })))).toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'User pool us-east-1_Nope does not exist.',
      });
      expect(await rejection(createUser('enum', {}, { MessageAction: 'SHOUT' as 'SUPPRESS' }))).toMatchObject({
        name: 'InvalidParameterException',
        message: "1 validation error detected: Value 'SHOUT' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
      });
      await expect(getUser('weak')).rejects.toMatchObject({ name: 'UserNotFoundException' });
    });

    it('refuses a verified email another user signs in with, unless ForceAliasCreation moves it', async () => {
      const holder = await confirmedUser('holder');
      expect(await rejection(createUser(unique('claimant'), { email: holder.email, email_verified: 'true' }, { MessageAction: 'SUPPRESS' }))).toMatchObject({
        name: 'AliasExistsException',
        message: 'An account with the email already exists.',
      });
      const claimant = unique('claimant');
      await createUser(claimant, { email: holder.email, email_verified: 'true' }, { MessageAction: 'SUPPRESS', ForceAliasCreation: true });
      expect((await getUser(holder.email)).Username).toBe(claimant);
      expect(attributeMap((await getUser(holder.username)).UserAttributes)).toMatchObject({ email: holder.email, email_verified: 'false' });
      // The email now names the claimant, whose password this is not.
      expect(await rejection(passwordAuth(holder.email, password))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
      expect((await passwordAuth(holder.username, password)).AuthenticationResult).toBeDefined();
    });

    it('makes the sub the username where email is the username, and invites with the pool template', async () => {
      const pool = (await server.context.pools.getPool(emailPoolId))!;
      const template = { EmailSubject: 'Welcome aboard', EmailMessage: 'Sign in as {username} with {####} within a week.' };
      await server.context.pools.putPool({ ...pool, AdminCreateUserConfig: { InviteMessageTemplate: template } } as UserPoolSettings, clock.now());

      const { User } = await admin().send(
        new AdminCreateUserCommand({ UserPoolId: emailPoolId, Username: 'Ada@Example.com', TemporaryPassword: 'Ada-temp-pass-1', DesiredDeliveryMediums: ['EMAIL'] }),
      );
      const sub = attributeMap(User!.Attributes).sub!;
      expect(User!.Username).toBe(sub);
      expect(User!.Attributes).toEqual([
        { Name: 'sub', Value: sub },
        { Name: 'email', Value: 'Ada@Example.com' },
      ]);
      expect(await messagesTo('Ada@Example.com')).toMatchObject([
        { subject: 'Welcome aboard', body: 'Sign in as Ada@Example.com with Ada-temp-pass-1 within a week.' },
      ]);
      expect((await getUser('ada@example.com', emailPoolId)).Username).toBe(sub);
      expect((await getUser(sub, emailPoolId)).UserAttributes).toEqual(User!.Attributes);

      const again = (Username: string) => admin().send(new AdminCreateUserCommand({ UserPoolId: emailPoolId, Username, MessageAction: 'SUPPRESS' }));
      expect(await rejection(again('ADA@example.com'))).toMatchObject({ name: 'UsernameExistsException', message: 'An account with the given email already exists.' });
      expect(await rejection(again('ada'))).toMatchObject({ name: 'InvalidParameterException', message: 'Username should be an email.' });
      // The pool lets only administrators recover accounts.
      await admin().send(new AdminSetUserPasswordCommand({ UserPoolId: emailPoolId, Username: sub, Password: password, Permanent: true }));
      expect(await rejection(admin().send(new AdminResetUserPasswordCommand({ UserPoolId: emailPoolId, Username: 'ada@example.com' })))).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'User password cannot be reset in the current state.',
      });
    });
  });

  describe('AdminGetUser, AdminConfirmSignUp and AdminDeleteUser', () => {
    it('confirms a signed-up user without a code, once', async () => {
      const username = unique('signer');
      const { UserSub } = await admin().send(
        new SignUpCommand({ ClientId: clientId, Username: username, Password: password, UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] }),
      );
      const signedUpAt = clock.now();
      expect((await getUser(username)).UserStatus).toBe('UNCONFIRMED');
      clock.advance(60_000);
      await admin().send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
      expect(await getUser(username)).toEqual({
        $metadata: expect.anything(),
        Username: username,
        UserAttributes: [
          { Name: 'sub', Value: UserSub },
          { Name: 'email', Value: `${username}@example.com` },
        ],
        UserCreateDate: new Date(signedUpAt),
        UserLastModifiedDate: new Date(clock.now()),
        Enabled: true,
        UserStatus: 'CONFIRMED',
      });
      expect((await passwordAuth(username, password)).AuthenticationResult).toBeDefined();
      expect(await rejection(admin().send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username })))).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'User cannot be confirmed. Current status is CONFIRMED',
      });
      expect(await rejection(admin().send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'ghost' })))).toMatchObject({
        name: 'UserNotFoundException',
        message: 'User does not exist.',
      });
    });

    it('deletes a user, who then cannot sign in or be found', async () => {
      const { username, email } = await confirmedUser('deleted');
      const { AuthenticationResult } = await passwordAuth(username, password);
      await admin().send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: email }));
      expect(await rejection(getUser(username))).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
      expect(await rejection(passwordAuth(username, password))).toMatchObject({ name: 'UserNotFoundException' });
      expect(await rejection(refreshAuth(AuthenticationResult!.RefreshToken!))).toMatchObject({ name: 'NotAuthorizedException' });
      expect(await rejection(admin().send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: username })))).toMatchObject({ name: 'UserNotFoundException' });
    });
  });

  describe('attributes', () => {
    it('updates plain attributes, sets verified flags, and refuses sub, unknown and immutable attributes', async () => {
      const { username, sub, email } = await confirmedUser('attrs', { 'custom:badge': 'B-1' });
      clock.advance(1000);
      await admin().send(
        new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributes: attributeList({ name: 'Ada', 'custom:team': 'infra', 'custom:badge': 'B-1' }) }),
      );
      const updated = await getUser(username);
      expect(updated.UserAttributes).toEqual([
        { Name: 'sub', Value: sub },
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:badge', Value: 'B-1' },
        { Name: 'name', Value: 'Ada' },
        { Name: 'custom:team', Value: 'infra' },
      ]);
      expect(updated.UserLastModifiedDate).toEqual(new Date(clock.now()));

      const update = (attributes: Record<string, string>) =>
        admin().send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributes: attributeList(attributes) }));
      await update({ name: '', email_verified: 'false' });
      expect(attributeMap((await getUser(username)).UserAttributes)).toEqual({ sub, email, email_verified: 'false', 'custom:badge': 'B-1', 'custom:team': 'infra' });
      expect(await rejection(passwordAuth(email, password))).toMatchObject({ name: 'UserNotFoundException' });

      expect(await rejection(update({ sub: 'x' }))).toMatchObject({ name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: sub: Attribute cannot be updated.' });
      expect(await rejection(update({ 'custom:nope': 'x' }))).toMatchObject({
        name: 'InvalidParameterException',
        message: 'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined',
      });
      expect(await rejection(update({ 'custom:badge': 'B-2' }))).toMatchObject({
        name: 'InvalidParameterException',
        message: 'Attributes did not conform to the schema: custom:badge: Attribute cannot be updated. (changing an immutable attribute)',
      });
      expect(await rejection(update({ email: 'not-an-email' }))).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid email address format.' });
    });

    it('sends a code for a changed email unless the request verifies it, and refuses an email another user signs in with', async () => {
      const { username, email } = await confirmedUser('mover');
      const update = (attributes: Record<string, string>) =>
        admin().send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributes: attributeList(attributes) }));

      const unverified = `${username}-new@example.com`;
      await update({ email: unverified });
      expect(attributeMap((await getUser(username)).UserAttributes)).toMatchObject({ email: unverified, email_verified: 'false' });
      const { AccessToken } = (await passwordAuth(username, password)).AuthenticationResult!;
      await admin().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: await latestCode(server, unverified) }));
      expect(attributeMap((await getUser(username)).UserAttributes)).toMatchObject({ email: unverified, email_verified: 'true' });

      const verified = `${username}-verified@example.com`;
      await update({ email: verified, email_verified: 'true' });
      expect(await messagesTo(verified)).toEqual([]);
      expect(attributeMap((await getUser(verified)).UserAttributes)).toMatchObject({ email: verified, email_verified: 'true' });
      expect((await passwordAuth(verified, password)).AuthenticationResult).toBeDefined();
      expect(await rejection(getUser(email))).toMatchObject({ name: 'UserNotFoundException' });

      const other = await confirmedUser('other');
      expect(await rejection(update({ email: other.email, email_verified: 'true' }))).toMatchObject({
        name: 'AliasExistsException',
        message: 'An account with the given email already exists.',
      });
    });

    it('deletes attributes, an email with its verified flag, but not sub or unknown names', async () => {
      const { username, sub } = await confirmedUser('trimmed', { name: 'Trim', locale: 'en' });
      const remove = (...UserAttributeNames: string[]) => admin().send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributeNames }));
      await remove('name', 'email');
      expect((await getUser(username)).UserAttributes).toEqual([
        { Name: 'sub', Value: sub },
        { Name: 'locale', Value: 'en' },
      ]);
      expect(await rejection(remove('sub'))).toMatchObject({ name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: sub: Attribute cannot be updated.' });
      expect(await rejection(remove('custom:nope'))).toMatchObject({
        name: 'InvalidParameterException',
        message: 'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined',
      });
    });
  });

  describe('passwords and sessions', () => {
    it('AdminSetUserPassword: a permanent password confirms and signs in by password and by SRP; a temporary one must be changed', async () => {
      const username = unique('setter');
      await createUser(username, {}, { MessageAction: 'SUPPRESS' });
      const setPassword = (Password: string, Permanent?: boolean) =>
        admin().send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password, Permanent }));
      expect(await rejection(setPassword('weak-password-one'))).toMatchObject({
        name: 'InvalidPasswordException',
        message: 'Password does not conform to policy: Password must have uppercase characters',
      });
      await setPassword(password, true);
      expect((await getUser(username)).UserStatus).toBe('CONFIRMED');
      expect((await passwordAuth(username, password)).AuthenticationResult?.AccessToken).toBeDefined();

      const srp = await srpClient(poolId);
      const started = await admin().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.SRP_A } }));
      expect(started.ChallengeParameters?.USER_ID_FOR_SRP).toBe(username);
      const answered = await admin().send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          Session: started.Session,
          ChallengeResponses: await srp.answer(started.ChallengeParameters!, password, srpTimestamp(clock.now())),
        }),
      );
      expect(answered.AuthenticationResult?.AccessToken).toBeDefined();

      await setPassword('Temporary-pass-2', false);
      expect((await getUser(username)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
      expect(await rejection(passwordAuth(username, password))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
      expect(await rejection(admin().send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ghost', Password: password })))).toMatchObject({
        name: 'UserNotFoundException',
        message: 'User does not exist.',
      });
    });

    it('AdminResetUserPassword: a code by email, sessions ended, and sign-in answers PasswordResetRequiredException', async () => {
      const { username, email } = await confirmedUser('resetter');
      const { AccessToken, RefreshToken } = (await passwordAuth(username, password)).AuthenticationResult!;
      await admin().send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: username }));
      expect((await getUser(username)).UserStatus).toBe('RESET_REQUIRED');
      expect(await messagesTo(email)).toMatchObject([{ channel: 'EMAIL', subject: 'Your verification code', body: expect.stringMatching(/^Your verification code is \d{6}\.$/) }]);
      expect(await rejection(passwordAuth(username, password))).toMatchObject({ name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
      expect(await rejection(refreshAuth(RefreshToken!))).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
      expect(await rejection(admin().send(new GetUserCommand({ AccessToken })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });

      const unreachable = unique('unreachable');
      await createUser(unreachable, { email: `${unreachable}@example.com` }, { MessageAction: 'SUPPRESS' });
      await admin().send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: unreachable, Password: password, Permanent: true }));
      expect(await rejection(admin().send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: unreachable })))).toMatchObject({
        name: 'InvalidParameterException',
        message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
      });
      expect((await getUser(unreachable)).UserStatus).toBe('CONFIRMED');
    });

    it('AdminDisableUser ends every session and refuses sign-in until AdminEnableUser', async () => {
      const { username } = await confirmedUser('disabled');
      const { AccessToken, RefreshToken } = (await passwordAuth(username, password)).AuthenticationResult!;
      await admin().send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: username }));
      expect(await getUser(username)).toMatchObject({ Enabled: false, UserStatus: 'CONFIRMED' });
      expect(await rejection(refreshAuth(RefreshToken!))).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
      expect(await rejection(admin().send(new GetUserCommand({ AccessToken })))).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
      expect(await rejection(passwordAuth(username, password))).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });

      await admin().send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: username }));
      expect((await getUser(username)).Enabled).toBe(true);
      expect((await passwordAuth(username, password)).AuthenticationResult).toBeDefined();
      expect(await rejection(admin().send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ghost' })))).toMatchObject({ name: 'UserNotFoundException' });
    });

    it('AdminUserGlobalSignOut ends every session; the user can sign in again', async () => {
      const { username } = await confirmedUser('signed-out');
      const first = (await passwordAuth(username, password)).AuthenticationResult!;
      const second = (await passwordAuth(username, password)).AuthenticationResult!;
      await admin().send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: username }));
      for (const tokens of [first, second]) {
        expect(await rejection(refreshAuth(tokens.RefreshToken!))).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
        expect(await rejection(admin().send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).toMatchObject({ name: 'NotAuthorizedException' });
      }
      expect((await passwordAuth(username, password)).AuthenticationResult).toBeDefined();
    });
  });

  describe('ListUsers', () => {
    const listUsers = (input: Omit<ListUsersCommandInput, 'UserPoolId'> = {}, UserPoolId = listPoolId) => admin().send(new ListUsersCommand({ UserPoolId, ...input }));
    const usernamesOf = async (Filter: string) => (await listUsers({ Filter })).Users!.map((u) => u.Username).sort();
    const people: Array<[username: string, attributes: Record<string, string>]> = [
      ['ada', { email: 'Ada.Lovelace@Example.com', given_name: 'Ada', family_name: 'Lovelace', name: 'Ada Lovelace' }],
      ['alan', { email: 'alan@example.com', given_name: 'Alan', family_name: 'Turing', phone_number: '+15550100101' }],
      ['barbara', { email: 'barbara@example.org', given_name: 'Barbara', family_name: 'Liskov', preferred_username: 'babs' }],
      ['edsger', { email: 'edsger@example.org', family_name: 'Dijkstra', 'custom:team': 'infra' }],
      ['grace', { email: 'grace@example.com', given_name: 'Grace', family_name: 'Hopper', phone_number: '+15550100102' }],
      ['Ken', { given_name: 'Ken', family_name: 'Thompson' }],
    ];
    const filler = Array.from({ length: 7 }, (_, i) => `user-${String(i).padStart(2, '0')}`);
    const subs = new Map<string, string>();

    beforeAll(async () => {
      for (const [username, attributes] of people) {
        const { User } = await admin().send(
          new AdminCreateUserCommand({ UserPoolId: listPoolId, Username: username, UserAttributes: attributeList(attributes), MessageAction: 'SUPPRESS' }),
        );
        subs.set(username, attributeMap(User!.Attributes).sub!);
      }
      for (const username of filler) {
        await admin().send(new AdminCreateUserCommand({ UserPoolId: listPoolId, Username: username, MessageAction: 'SUPPRESS' }));
      }
      await admin().send(new AdminSetUserPasswordCommand({ UserPoolId: listPoolId, Username: 'grace', Password: password, Permanent: true }));
      await admin().send(new AdminDisableUserCommand({ UserPoolId: listPoolId, Username: 'alan' }));
    });

    it('lists every user, 60 at most, with whole UserType entries', async () => {
      const { Users, PaginationToken } = await listUsers();
      expect(PaginationToken).toBeUndefined();
      expect(Users!.map((u) => u.Username).sort()).toEqual([...people.map(([name]) => name), ...filler].sort());
      const grace = Users!.find((u) => u.Username === 'grace')!;
      expect(grace).toEqual({
        Username: 'grace',
        Attributes: [
          { Name: 'sub', Value: subs.get('grace') },
          { Name: 'email', Value: 'grace@example.com' },
          { Name: 'given_name', Value: 'Grace' },
          { Name: 'family_name', Value: 'Hopper' },
          { Name: 'phone_number', Value: '+15550100102' },
        ],
        UserCreateDate: expect.any(Date),
        UserLastModifiedDate: expect.any(Date),
        Enabled: true,
        UserStatus: 'CONFIRMED',
      });
    });

    it('pages with Limit and PaginationToken without repeating or skipping users', async () => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let PaginationToken: string | undefined;
      do {
        const page = await listUsers({ Limit: 5, PaginationToken });
        sizes.push(page.Users!.length);
        seen.push(...page.Users!.map((u) => u.Username!));
        PaginationToken = page.PaginationToken;
      } while (PaginationToken);
      expect(sizes).toEqual([5, 5, 3]);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual([...people.map(([name]) => name), ...filler].sort());

      // Users added behind the cursor do not shift the pages still to come.
      const first = await listUsers({ Limit: 4 });
      await admin().send(new AdminCreateUserCommand({ UserPoolId: listPoolId, Username: 'aaa-late', MessageAction: 'SUPPRESS' }));
      const rest: string[] = [];
      let next = first.PaginationToken;
      while (next) {
        const page = await listUsers({ Limit: 4, PaginationToken: next });
        rest.push(...page.Users!.map((u) => u.Username!));
        next = page.PaginationToken;
      }
      expect([...first.Users!.map((u) => u.Username!), ...rest].sort()).toEqual([...people.map(([name]) => name), ...filler].sort());
      await admin().send(new AdminDeleteUserCommand({ UserPoolId: listPoolId, Username: 'aaa-late' }));
    });

    it('filters exactly and by prefix on the searchable attributes, ignoring case where Cognito does', async () => {
      expect(await usernamesOf('username = "KEN"')).toEqual(['Ken']);
      expect(await usernamesOf('username ^= "user-0"')).toEqual(filler);
      expect(await usernamesOf('email = "ada.lovelace@example.COM"')).toEqual(['ada']);
      expect(await usernamesOf('email ^= "A"')).toEqual(['ada', 'alan']);
      expect(await usernamesOf('email ^= "ada.lovelace@example.co"')).toEqual(['ada']);
      expect(await usernamesOf('email = "ada"')).toEqual([]);
      expect(await usernamesOf('given_name ^= "a"')).toEqual(['ada', 'alan']);
      expect(await usernamesOf('family_name = "turing"')).toEqual(['alan']);
      expect(await usernamesOf('name = "Ada Lovelace"')).toEqual(['ada']);
      expect(await usernamesOf('preferred_username = "BABS"')).toEqual(['barbara']);
      expect(await usernamesOf('phone_number ^= "+1555010010"')).toEqual(['alan', 'grace']);
      expect(await usernamesOf(`sub = "${subs.get('edsger')}"`)).toEqual(['edsger']);
      expect(await usernamesOf('cognito:user_status = "confirmed"')).toEqual(['grace']);
      expect(await usernamesOf('cognito:user_status = "FORCE_CHANGE_PASSWORD"')).toHaveLength(people.length + filler.length - 1);
      expect(await usernamesOf('status = "Disabled"')).toEqual(['alan']);
      expect(await usernamesOf('status = "disabled"')).toEqual([]);
      expect(await usernamesOf('status = "Enabled"')).toHaveLength(people.length + filler.length - 1);
      expect(await usernamesOf('email ^= "%"')).toEqual([]);
      expect(await usernamesOf('  ')).toHaveLength(people.length + filler.length);
    });

    it('pages through filtered results', async () => {
      const first = await listUsers({ Filter: 'email ^= "a"', Limit: 1 });
      expect(first.Users!.map((u) => u.Username)).toHaveLength(1);
      const second = await listUsers({ Filter: 'email ^= "a"', Limit: 1, PaginationToken: first.PaginationToken });
      expect(second.PaginationToken).toBeUndefined();
      expect([...first.Users!, ...second.Users!].map((u) => u.Username).sort()).toEqual(['ada', 'alan']);
    });

    it('returns only the attributes asked for, none for an empty list', async () => {
      const { Users } = await listUsers({ Filter: 'username = "alan"', AttributesToGet: ['email', 'sub', 'locale'] });
      expect(Users).toEqual([
        {
          Username: 'alan',
          Attributes: [
            { Name: 'sub', Value: subs.get('alan') },
            { Name: 'email', Value: 'alan@example.com' },
          ],
          UserCreateDate: expect.any(Date),
          UserLastModifiedDate: expect.any(Date),
          Enabled: false,
          UserStatus: 'FORCE_CHANGE_PASSWORD',
        },
      ]);
      expect((await listUsers({ Filter: 'username = "alan"', AttributesToGet: [] })).Users![0]!.Attributes).toEqual([]);
    });

    it('matches usernames exactly in a case-sensitive pool', async () => {
      for (const Username of ['Alice', 'alice']) {
        await admin().send(new AdminCreateUserCommand({ UserPoolId: caseSensitivePoolId, Username, MessageAction: 'SUPPRESS' }));
      }
      const names = async (Filter: string) => (await listUsers({ Filter }, caseSensitivePoolId)).Users!.map((u) => u.Username);
      expect(await names('username = "Alice"')).toEqual(['Alice']);
      expect(await names('username = "ALICE"')).toEqual([]);
      expect((await names('username ^= "A"')).sort()).toEqual(['Alice']);
    });

    it('refuses bad filters, limits, tokens and pools', async () => {
      expect(await rejection(listUsers({ Limit: 61 }))).toMatchObject({
        name: 'InvalidParameterException',
        message: "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
      });
      expect(await rejection(listUsers({ Filter: 'email = jane' }))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^Error while parsing filter/) });
      expect(await rejection(listUsers({ Filter: 'custom:team = "infra"' }))).toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringMatching(/^Invalid search attribute: custom:team\./),
      });
      expect(await rejection(listUsers({ PaginationToken: 'not-a-token' }))).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid pagination token.' });
      expect(await rejection(listUsers({}, 'us-east-1_Nope'))).toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_Nope does not exist.' });
    });
  });
});

describe.each(dialects)('AdminCreateUser invitations through SMTP (%s)', (dialect) => {
  let server: RunningServer;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(dialect, { config, smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('mails the invitation, whose temporary password signs the user in', async () => {
    const { User } = await sdkClient(server).send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'mailed', UserAttributes: [{ Name: 'email', Value: 'mailed@example.com' }], DesiredDeliveryMediums: ['EMAIL'] }),
    );
    expect(User).toMatchObject({ Username: 'mailed', UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const mail = await smtp.waitFor((m) => m.to.includes('mailed@example.com'));
    expect(mail.subject).toBe('Your temporary password');
    const temporaryPassword = temporaryPasswordIn(mail.text.trim())!;
    expect(mail.text.trim()).toBe(`Your username is mailed and temporary password is ${temporaryPassword}.`);
    const result = await sdkClient(server).send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'mailed', PASSWORD: temporaryPassword } }),
    );
    expect(result.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});
