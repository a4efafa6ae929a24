// aws-amplify v6, unchanged, against a real Cognate server on loopback: choice-based sign-in
// (authFlowType USER_AUTH) as an app drives it — email codes from mail delivered over SMTP, SMS codes
// from a real HTTP webhook receiver, passwords plain and by SRP.
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { sdkClient, uniqueEmail, uniquePhone } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver.js';
import { startWebhookReceiver, type ReceivedSms, type WebhookReceiver } from '../support/webhook-receiver.js';

const password = 'Correct-Horse-9';
const userPoolId = 'us-east-1_AmplifyUserAuth';
const userPoolClientId = 'amplifyuserauth1';

const config: ConfigFile = {
  UserPools: [
    {
      Id: userPoolId,
      PoolName: 'amplify-user-auth',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } },
      Clients: [{ ClientId: userPoolClientId, ClientName: 'amplify-user-auth', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

describe.each(dialects)('aws-amplify v6 choice-based sign-in (USER_AUTH) against Cognate on %s', (dialect) => {
  let smtp: SmtpReceiver;
  let sms: WebhookReceiver;
  let server: RunningServer;
  const clock = new ManualClock(Date.now());
  const takenMail = new Set<ReceivedMail>();
  const takenSms = new Set<ReceivedSms>();

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    sms = await startWebhookReceiver();
    server = await startTestServer(dialect, { config, clock, smtpUrl: smtp.url, smsWebhookUrl: sms.url });
    Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: server.url } } });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await signOut();
  });

  afterAll(async () => {
    await server?.close();
    await sms?.close();
    await smtp?.close();
  });


  /** A confirmed user with a verified email address and phone number, made by the admin API; returns the sub. */
  async function createUser(email: string, phone: string): Promise<string> {
    const admin = sdkClient(server);
    try {
      const { User } = await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'phone_number', Value: phone },
            { Name: 'phone_number_verified', Value: 'true' },
          ],
        }),
      );
      await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));
      return User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
    } finally {
      admin.destroy();
    }
  }

  async function nextMailCode(address: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && !takenMail.has(m));
    takenMail.add(mail);
    expect(mail.subject).toBe('Your authentication code');
    const match = /^Your authentication code is (\d{6})\.$/.exec(mail.text);
    expect(match, `mail text: ${mail.text}`).not.toBeNull();
    return match![1]!;
  }

  async function nextSmsCode(phone: string): Promise<string> {
    const message = await sms.waitFor((m) => m.to === phone && !takenSms.has(m));
    takenSms.add(message);
    const match = /^Your authentication code is (\d{6})\. $/.exec(message.message);
    expect(match, `SMS text: ${message.message}`).not.toBeNull();
    return match![1]!;
  }

  const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const signedIn = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
  const emailCodeStep = {
    isSignedIn: false,
    nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'u***@e***' } },
  };

  async function expectSignedInAs(email: string, sub: string): Promise<void> {
    expect(await getCurrentUser()).toEqual({ username: uuid, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_AUTH' } });
  }

  it('preferredChallenge EMAIL_OTP: CONFIRM_SIGN_IN_WITH_EMAIL_CODE, then confirmSignIn with the mailed code is DONE', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    expect(await signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } })).toEqual(emailCodeStep);
    const code = await nextMailCode(email);
    await expect(confirmSignIn({ challengeResponse: code === '000000' ? '111111' : '000000' })).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect(await confirmSignIn({ challengeResponse: code })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
  });

  it('preferredChallenge SMS_OTP: CONFIRM_SIGN_IN_WITH_SMS_CODE, then the code from the SMS webhook is DONE', async () => {
    const email = uniqueEmail();
    const phone = uniquePhone();
    const sub = await createUser(email, phone);
    expect(await signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'SMS_OTP' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: { deliveryMedium: 'SMS', destination: `+*******${phone.slice(-4)}` } },
    });
    expect(await confirmSignIn({ challengeResponse: await nextSmsCode(phone) })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
  });

  it('no preferred challenge: CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION with availableChallenges; choosing EMAIL_OTP mails a code that signs in', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    expect(await signIn({ username: email, options: { authFlowType: 'USER_AUTH' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'] },
    });
    expect(await confirmSignIn({ challengeResponse: 'EMAIL_OTP' })).toEqual(emailCodeStep);
    expect(await confirmSignIn({ challengeResponse: await nextMailCode(email) })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
  });

  it('preferredChallenge PASSWORD and PASSWORD_SRP with the password are DONE at once', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    expect(await signIn({ username: email, password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' } })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
    await signOut();
    expect(await signIn({ username: email, password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' } })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
  });

  it('choosing PASSWORD or PASSWORD_SRP at the selection asks for the password (CONFIRM_SIGN_IN_WITH_PASSWORD), which then signs in', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    for (const factor of ['PASSWORD', 'PASSWORD_SRP']) {
      expect(await signIn({ username: email, options: { authFlowType: 'USER_AUTH' } })).toMatchObject({ nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION' } });
      expect(await confirmSignIn({ challengeResponse: factor })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' } });
      expect(await confirmSignIn({ challengeResponse: password })).toEqual(signedIn);
      await expectSignedInAs(email, sub);
      await signOut();
    }
  });
});
