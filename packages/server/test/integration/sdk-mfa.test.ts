import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { totpCodeAt } from '../../src/userpool/mfa/totp.js';
import { dialects } from '../support/databases.js';
import { latestCode, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const flows = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
const factors = { SmsMfaConfiguration: {}, SoftwareTokenMfaConfiguration: { Enabled: true }, EmailMfaConfiguration: {} };
const config: ConfigFile = {
  UserPools: [
    { Id: 'us-east-1_MfaOptional', PoolName: 'mfa-optional', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'], MfaConfiguration: 'OPTIONAL', ...factors, Clients: [{ ClientId: 'mfaoptional1', ClientName: 'app', ExplicitAuthFlows: [...flows] }] },
    { Id: 'us-east-1_MfaRequired', PoolName: 'mfa-required', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'], MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true }, EmailMfaConfiguration: {}, Clients: [{ ClientId: 'mfarequired1', ClientName: 'app', ExplicitAuthFlows: [...flows] }] },
  ],
};

describe.each(dialects)('multi-factor authentication through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock(Date.UTC(2026, 10, 22, 12, 0, 0));
  const client = () => sdkClient(server);
  const signIn = (ClientId: string, USERNAME: string) => client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: testPassword } }));
  const respond = (ClientId: string, ChallengeName: string, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
    client().send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: ChallengeName as never, Session, ChallengeResponses }));

  /** A confirmed user of `poolId` with a verified phone number. */
  async function user(poolId: string, ClientId: string) {
    const email = uniqueEmail('mfa');
    const { SignUpCommand, ConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await client().send(new SignUpCommand({ ClientId, Username: email, Password: testPassword, UserAttributes: [{ Name: 'phone_number', Value: '+15555550123' }] }));
    await client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
    await client().send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: email, UserAttributes: [{ Name: 'phone_number_verified', Value: 'true' }] }));
    return email;
  }

  /** Sets up TOTP with an access token and returns the shared secret. */
  async function withTotp(ClientId: string, email: string) {
    const { AuthenticationResult } = await signIn(ClientId, email);
    const AccessToken = AuthenticationResult!.AccessToken!;
    const { SecretCode } = await client().send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(await client().send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCodeAt(SecretCode!, clock.now()) }))).toMatchObject({ Status: 'SUCCESS' });
    // Two steps on: the code of the previous step was never used, the one VerifySoftwareToken took was.
    clock.advance(60_000);
    return { secret: SecretCode!, AccessToken };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(() => server.close());

  it('challenges with SMS_MFA to the verified phone, refuses a wrong code and accepts the right one', async () => {
    const email = await user('us-east-1_MfaOptional', 'mfaoptional1');
    const { AuthenticationResult } = await signIn('mfaoptional1', email);
    await client().send(new SetUserMFAPreferenceCommand({ AccessToken: AuthenticationResult!.AccessToken!, SMSMfaSettings: { Enabled: true } }));
    const challenge = await signIn('mfaoptional1', email);
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    expect(challenge.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0123', USER_ID_FOR_SRP: expect.any(String) });
    const code = await latestCode(server, '+15555550123');
    expect(await rejection(respond('mfaoptional1', 'SMS_MFA', challenge.Session, { USERNAME: email, SMS_MFA_CODE: code === '000000' ? '111111' : '000000' }))).toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    });
    const done = await respond('mfaoptional1', 'SMS_MFA', challenge.Session, { USERNAME: email, SMS_MFA_CODE: code });
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    expect(await rejection(respond('mfaoptional1', 'SMS_MFA', challenge.Session, { USERNAME: email, SMS_MFA_CODE: code }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('refuses an MFA answer after the sign-in session expired', async () => {
    const email = await user('us-east-1_MfaOptional', 'mfaoptional1');
    await client().send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: 'us-east-1_MfaOptional', Username: email, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const challenge = await signIn('mfaoptional1', email);
    const code = await latestCode(server, '+15555550123');
    clock.advance(3 * 60_000 + 1);
    expect(await rejection(respond('mfaoptional1', 'SMS_MFA', challenge.Session, { USERNAME: email, SMS_MFA_CODE: code }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('sets up TOTP with an access token, reports it in GetUser, and accepts each code once within one step of skew', async () => {
    const email = await user('us-east-1_MfaOptional', 'mfaoptional1');
    const { secret, AccessToken } = await withTotp('mfaoptional1', email);
    await client().send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const described = await client().send(new GetUserCommand({ AccessToken }));
    expect(described).toMatchObject({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
    expect(await client().send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_MfaOptional', Username: email }))).toMatchObject({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });

    const first = await signIn('mfaoptional1', email);
    expect(first).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
    const previousStepCode = totpCodeAt(secret, clock.now() - 30_000);
    expect((await respond('mfaoptional1', 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: previousStepCode })).AuthenticationResult).toBeDefined();

    const second = await signIn('mfaoptional1', email);
    expect(await rejection(respond('mfaoptional1', 'SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: previousStepCode }))).toMatchObject({ name: 'CodeMismatchException' });
    expect(await rejection(respond('mfaoptional1', 'SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now() - 90_000) }))).toMatchObject({ name: 'CodeMismatchException' });
    expect((await respond('mfaoptional1', 'SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now()) })).AuthenticationResult).toBeDefined();
  });

  it('lets a user with several factors and no preference choose with SELECT_MFA_TYPE', async () => {
    const email = await user('us-east-1_MfaOptional', 'mfaoptional1');
    const { secret, AccessToken } = await withTotp('mfaoptional1', email);
    await client().send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true }, SMSMfaSettings: { Enabled: true } }));
    const select = await signIn('mfaoptional1', email);
    expect(select).toMatchObject({ ChallengeName: 'SELECT_MFA_TYPE', ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' } });
    const totp = await respond('mfaoptional1', 'SELECT_MFA_TYPE', select.Session, { USERNAME: email, ANSWER: 'SOFTWARE_TOKEN_MFA' });
    expect(totp.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect((await respond('mfaoptional1', 'SOFTWARE_TOKEN_MFA', totp.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now()) })).AuthenticationResult).toBeDefined();
  });

  it('refuses to turn on a factor that cannot reach the user', async () => {
    const email = uniqueEmail('nophone');
    const { SignUpCommand, ConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await client().send(new SignUpCommand({ ClientId: 'mfaoptional1', Username: email, Password: testPassword }));
    await client().send(new ConfirmSignUpCommand({ ClientId: 'mfaoptional1', Username: email, ConfirmationCode: await latestCode(server, email) }));
    const { AuthenticationResult } = await signIn('mfaoptional1', email);
    expect(await rejection(client().send(new SetUserMFAPreferenceCommand({ AccessToken: AuthenticationResult!.AccessToken!, SMSMfaSettings: { Enabled: true } })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SMS_MFA',
    });
    expect(await rejection(client().send(new SetUserMFAPreferenceCommand({ AccessToken: AuthenticationResult!.AccessToken!, SoftwareTokenMfaSettings: { Enabled: true } })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'User has not verified software token mfa',
    });
  });

  it('requires MFA set-up in an MFA-required pool: TOTP through the sign-in Session', async () => {
    const email = await user('us-east-1_MfaRequired', 'mfarequired1');
    const setup = await signIn('mfarequired1', email);
    expect(setup).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' } });
    const associated = await client().send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    expect(associated.Session).toBeDefined();
    expect(await rejection(client().send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCodeAt(associated.SecretCode!, clock.now() + 120_000) })))).toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
    });
    const verified = await client().send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCodeAt(associated.SecretCode!, clock.now()) }));
    expect(verified).toMatchObject({ Status: 'SUCCESS', Session: expect.any(String) });
    const done = await respond('mfarequired1', 'MFA_SETUP', verified.Session, { USERNAME: email });
    expect(done.AuthenticationResult?.RefreshToken).toBeDefined();
    clock.advance(30_000);
    const next = await signIn('mfarequired1', email);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('sets up email MFA during sign-in: the address given receives an EMAIL_OTP code', async () => {
    const email = await user('us-east-1_MfaRequired', 'mfarequired1');
    const setup = await signIn('mfarequired1', email);
    const otherAddress = uniqueEmail('second');
    const challenge = await respond('mfarequired1', 'MFA_SETUP', setup.Session, { USERNAME: email, EMAIL: otherAddress });
    expect(challenge).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 's***@e***' } });
    const done = await respond('mfarequired1', 'EMAIL_OTP', challenge.Session, { USERNAME: email, EMAIL_OTP_CODE: await latestCode(server, otherAddress) });
    const user2 = await client().send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken! }));
    expect(user2).toMatchObject({ UserMFASettingList: ['EMAIL_OTP'], PreferredMfaSetting: 'EMAIL_OTP' });
    expect(Object.fromEntries(user2.UserAttributes!.map((a) => [a.Name, a.Value]))).toMatchObject({ email: otherAddress, email_verified: 'true' });
  });
});
