// aws-amplify v6, unchanged, against a real Cognate server on loopback: multi-factor sign-in as an
// app drives it — SMS codes read from a real HTTP webhook receiver, email codes from mail delivered
// over SMTP, TOTP codes computed from the shared secret on the server's (manual) clock.
import { randomUUID } from 'node:crypto';
import { AdminSetUserMFAPreferenceCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  fetchMFAPreference,
  fetchUserAttributes,
  getCurrentUser,
  sendUserAttributeVerificationCode,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfigFile, PoolConfig } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { totpCodeAt } from '../../src/userpool/mfa/totp.js';
import { dialects } from '../support/databases.js';
import { sdkClient, uniqueEmail, uniquePhone } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver.js';
import { startWebhookReceiver, type ReceivedSms, type WebhookReceiver } from '../support/webhook-receiver.js';

const password = 'Correct-Horse-9';
const authFlows: Array<'ALLOW_USER_SRP_AUTH' | 'ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH'> = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
];

interface PoolRef {
  id: string;
  clientId: string;
}
/** MFA is optional; SMS, TOTP and email are all offered. */
const optionalPool: PoolRef = { id: 'us-east-1_AmplifyMfaOptional', clientId: 'amplifymfaoptional1' };
/** MFA is required; TOTP and email can be set up. */
const requiredPool: PoolRef = { id: 'us-east-1_AmplifyMfaRequired', clientId: 'amplifymfarequired1' };
/** MFA is required; only TOTP can be set up. */
const totpOnlyPool: PoolRef = { id: 'us-east-1_AmplifyMfaTotpOnly', clientId: 'amplifymfatotponly1' };
/** MFA is required; only email can be set up. */
const emailOnlyPool: PoolRef = { id: 'us-east-1_AmplifyMfaEmailOnly', clientId: 'amplifymfaemailonly1' };

const pool = (ref: PoolRef, name: string, mfa: Pick<PoolConfig, 'MfaConfiguration' | 'SmsMfaConfiguration' | 'SoftwareTokenMfaConfiguration' | 'EmailMfaConfiguration'>): PoolConfig => ({
  Id: ref.id,
  PoolName: name,
  UsernameAttributes: ['email'],
  AutoVerifiedAttributes: ['email'],
  ...mfa,
  Clients: [{ ClientId: ref.clientId, ClientName: name, ExplicitAuthFlows: authFlows }],
});

const config: ConfigFile = {
  UserPools: [
    pool(optionalPool, 'amplify-mfa-optional', { MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: {}, SoftwareTokenMfaConfiguration: { Enabled: true }, EmailMfaConfiguration: {} }),
    pool(requiredPool, 'amplify-mfa-required', { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true }, EmailMfaConfiguration: {} }),
    pool(totpOnlyPool, 'amplify-mfa-totp-only', { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }),
    pool(emailOnlyPool, 'amplify-mfa-email-only', { MfaConfiguration: 'ON', EmailMfaConfiguration: {} }),
  ],
};

/** Points Amplify (one configuration per process) at a pool of the server. */
function useAmplifyPool(server: RunningServer, ref: PoolRef): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: ref.id, userPoolClientId: ref.clientId, userPoolEndpoint: server.url } } });
}

describe.each(dialects)('aws-amplify v6 multi-factor authentication against Cognate on %s', (dialect) => {
  let smtp: SmtpReceiver;
  let sms: WebhookReceiver;
  let server: RunningServer;
  /** The server's clock: TOTP steps and session expiry move only when a test moves them. */
  const clock = new ManualClock(Date.now());
  /** Mails and text messages whose code a test already took, so the next wait is for a new one. */
  const takenMail = new Set<ReceivedMail>();
  const takenSms = new Set<ReceivedSms>();

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    sms = await startWebhookReceiver();
    server = await startTestServer(dialect, { config, clock, smtpUrl: smtp.url, smsWebhookUrl: sms.url });
  });

  beforeEach(() => useAmplifyPool(server, optionalPool));

  afterEach(async () => {
    vi.restoreAllMocks();
    // Amplify keeps one signed-in user per process; every test starts signed out.
    await signOut();
  });

  afterAll(async () => {
    await server?.close();
    await sms?.close();
    await smtp?.close();
  });


  /** An admin SDK client made now, so its signing time follows the manual clock wherever it is. */
  async function asAdmin<T>(use: (client: CognitoIdentityProviderClient) => Promise<T>): Promise<T> {
    const client = sdkClient(server);
    try {
      return await use(client);
    } finally {
      client.destroy();
    }
  }

  /** The code in the next mail to `address` that no test has read yet, of the given kind. */
  async function nextMailCode(address: string, kind: 'verification' | 'authentication'): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && !takenMail.has(m));
    takenMail.add(mail);
    expect(mail.subject).toBe(`Your ${kind} code`);
    const match = new RegExp(`^Your ${kind} code is (\\d{6})\\.$`).exec(mail.text);
    expect(match, `mail text: ${mail.text}`).not.toBeNull();
    return match![1]!;
  }

  /** The code in the next text message to `phone` that no test has read yet, of the given kind. */
  async function nextSmsCode(phone: string, kind: 'verification' | 'authentication'): Promise<string> {
    const message = await sms.waitFor((m) => m.to === phone && !takenSms.has(m));
    takenSms.add(message);
    // Cognito's default SMS_MFA text ends with a space: "Your authentication code is {####}. ".
    const pattern = kind === 'verification' ? /^Your verification code is (\d{6})\.$/ : /^Your authentication code is (\d{6})\. $/;
    const match = pattern.exec(message.message);
    expect(match, `SMS text: ${message.message}`).not.toBeNull();
    return match![1]!;
  }

  /** Any six digits but these. */
  const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

  /** Signs up and confirms through Amplify in the configured pool, with the code from the mail; returns the sub. */
  async function confirmedUser(email: string, userAttributes: Record<string, string> = {}): Promise<string> {
    const { userId } = await signUp({ username: email, password, options: { userAttributes: { email, ...userAttributes } } });
    await confirmSignUp({ username: email, confirmationCode: await nextMailCode(email, 'verification') });
    return userId!;
  }

  /** Signed in, verifies the phone number with the code texted to it (sendUserAttributeVerificationCode / confirmUserAttribute). */
  async function verifyPhone(phone: string): Promise<void> {
    expect(await sendUserAttributeVerificationCode({ userAttributeKey: 'phone_number' })).toEqual({
      destination: `+*******${phone.slice(-4)}`,
      deliveryMedium: 'SMS',
      attributeName: 'phone_number',
    });
    await confirmUserAttribute({ userAttributeKey: 'phone_number', confirmationCode: await nextSmsCode(phone, 'verification') });
  }

  /** Signed in, sets up an authenticator with setUpTOTP / verifyTOTPSetup; returns the shared secret. */
  async function registerTotp(): Promise<string> {
    const { sharedSecret } = await setUpTOTP();
    await verifyTOTPSetup({ code: totpCodeAt(sharedSecret, clock.now()) });
    // The step the verification used is spent; the next sign-in's code is of the next step.
    clock.advance(30_000);
    return sharedSecret;
  }

  /** From now on, what Amplify sends to the server (it uses the global fetch): operation and body. */
  function recordRequests(): () => Array<{ operation: string; body: Record<string, unknown> }> {
    const spy = vi.spyOn(globalThis, 'fetch');
    return () =>
      spy.mock.calls
        .filter(([url]) => String(url).startsWith(server.url))
        .map(([, init]) => ({
          operation: (new Headers(init?.headers).get('x-amz-target') ?? '').replace('AWSCognitoIdentityProviderService.', ''),
          body: JSON.parse(String(init?.body)) as Record<string, unknown>,
        }));
  }

  const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const signedIn = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
  const totpChallenge = { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } };
  const emailChallenge = (destination: string) => ({
    isSignedIn: false,
    nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination } },
  });
  const codeMismatch = { name: 'CodeMismatchException', message: 'Invalid code received for user' };
  const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };
  /** Secrets as AssociateSoftwareToken hands them out: base32 of 32 bytes. */
  const base32Secret = expect.stringMatching(/^[A-Z2-7]{52}$/);

  async function expectSignedInAs(email: string, sub: string): Promise<void> {
    expect(await getCurrentUser()).toEqual({ username: uuid, userId: sub, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
  }

  it('SMS MFA: signIn gives CONFIRM_SIGN_IN_WITH_SMS_CODE with codeDeliveryDetails; a wrong code is refused with CodeMismatchException; the code from the SMS webhook is DONE', async () => {
    const email = uniqueEmail();
    const phone = uniquePhone();
    const sub = await confirmedUser(email, { phone_number: phone });
    await signIn({ username: email, password });
    await verifyPhone(phone);
    await updateMFAPreference({ sms: 'PREFERRED' });
    expect(await fetchMFAPreference()).toEqual({ enabled: ['SMS'], preferred: 'SMS' });
    await signOut();

    expect(await signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: { deliveryMedium: 'SMS', destination: `+*******${phone.slice(-4)}` } },
    });
    const code = await nextSmsCode(phone, 'authentication');
    await expect(confirmSignIn({ challengeResponse: wrongCode(code) })).rejects.toMatchObject(codeMismatch);

    const requests = recordRequests();
    expect(await confirmSignIn({ challengeResponse: code })).toEqual(signedIn);
    expect(requests()).toEqual([
      {
        operation: 'RespondToAuthChallenge',
        body: { ChallengeName: 'SMS_MFA', ChallengeResponses: { USERNAME: uuid, SMS_MFA_CODE: code }, Session: expect.any(String), ClientId: optionalPool.clientId },
      },
    ]);
    await expectSignedInAs(email, sub);
  });

  it('TOTP: setUpTOTP gives a shared secret whose getSetupUri works; verifyTOTPSetup, updateMFAPreference({ totp: "PREFERRED" }) and fetchMFAPreference; then signIn gives CONFIRM_SIGN_IN_WITH_TOTP_CODE and a TOTP code is DONE', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    expect(await fetchMFAPreference()).toEqual({ enabled: undefined, preferred: undefined });

    const details = await setUpTOTP();
    expect(details).toEqual({ sharedSecret: base32Secret, getSetupUri: expect.any(Function) });
    const uri = details.getSetupUri('Cognate', email);
    expect(uri.href).toBe(`otpauth://totp/Cognate:${email}?secret=${details.sharedSecret}&issuer=Cognate`);
    expect(uri.searchParams.get('secret')).toBe(details.sharedSecret);

    await expect(verifyTOTPSetup({ code: wrongCode(totpCodeAt(details.sharedSecret, clock.now())) })).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    await verifyTOTPSetup({ code: totpCodeAt(details.sharedSecret, clock.now()) });
    // Verified, but not on until the user turns it on.
    expect(await fetchMFAPreference()).toEqual({ enabled: undefined, preferred: undefined });
    await updateMFAPreference({ totp: 'PREFERRED' });
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' });
    await signOut();

    clock.advance(30_000);
    expect(await signIn({ username: email, password })).toEqual(totpChallenge);
    await expect(confirmSignIn({ challengeResponse: totpCodeAt(details.sharedSecret, clock.now() + 120_000) })).rejects.toMatchObject(codeMismatch);
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(details.sharedSecret, clock.now()) })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
  });

  it('email MFA turned on with updateMFAPreference({ email: "ENABLED" }): signIn gives CONFIRM_SIGN_IN_WITH_EMAIL_CODE; a wrong code is refused with CodeMismatchException; the mailed code is DONE', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    await updateMFAPreference({ email: 'ENABLED' });
    expect(await fetchMFAPreference()).toEqual({ enabled: ['EMAIL'], preferred: undefined });
    await signOut();

    expect(await signIn({ username: email, password })).toEqual(emailChallenge('u***@e***'));
    const code = await nextMailCode(email, 'authentication');
    await expect(confirmSignIn({ challengeResponse: wrongCode(code) })).rejects.toMatchObject(codeMismatch);

    const requests = recordRequests();
    expect(await confirmSignIn({ challengeResponse: code })).toEqual(signedIn);
    expect(requests()).toEqual([
      {
        operation: 'RespondToAuthChallenge',
        body: { ChallengeName: 'EMAIL_OTP', ChallengeResponses: { USERNAME: uuid, EMAIL_OTP_CODE: code }, Session: expect.any(String), ClientId: optionalPool.clientId },
      },
    ]);
    await expectSignedInAs(email, sub);
  });

  it('several factors on and none preferred: CONTINUE_SIGN_IN_WITH_MFA_SELECTION with allowedMFATypes; "TOTP" gives CONFIRM_SIGN_IN_WITH_TOTP_CODE, and a TOTP code is DONE', async () => {
    const email = uniqueEmail();
    const phone = uniquePhone();
    const sub = await confirmedUser(email, { phone_number: phone });
    await signIn({ username: email, password });
    await verifyPhone(phone);
    const secret = await registerTotp();
    await updateMFAPreference({ sms: 'ENABLED', totp: 'ENABLED', email: 'ENABLED' });
    expect(await fetchMFAPreference()).toEqual({ enabled: ['SMS', 'TOTP', 'EMAIL'], preferred: undefined });
    await signOut();

    expect(await signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP', 'EMAIL'] },
    });
    const requests = recordRequests();
    expect(await confirmSignIn({ challengeResponse: 'TOTP' })).toEqual(totpChallenge);
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(secret, clock.now()) })).toEqual(signedIn);
    expect(requests().map(({ body }) => [body.ChallengeName, body.ChallengeResponses])).toEqual([
      ['SELECT_MFA_TYPE', { USERNAME: uuid, ANSWER: 'SOFTWARE_TOKEN_MFA' }],
      ['SOFTWARE_TOKEN_MFA', { USERNAME: uuid, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now()) }],
    ]);
    await expectSignedInAs(email, sub);
    // Choosing TOTP sent no code by SMS or mail.
    expect(sms.messages.filter((m) => m.to === phone && !takenSms.has(m))).toEqual([]);
    expect(smtp.messages.filter((m) => m.to.includes(email) && !takenMail.has(m))).toEqual([]);
  });

  it('MFA required, TOTP and email offered: CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION; "TOTP" gives CONTINUE_SIGN_IN_WITH_TOTP_SETUP with the shared secret; a TOTP code is DONE and TOTP is then preferred', async () => {
    useAmplifyPool(server, requiredPool);
    const email = uniqueEmail();
    const sub = await confirmedUser(email);

    expect(await signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: ['TOTP', 'EMAIL'] },
    });
    const setup = await confirmSignIn({ challengeResponse: 'TOTP' });
    expect(setup).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', totpSetupDetails: { sharedSecret: base32Secret, getSetupUri: expect.any(Function) } },
    });
    const { sharedSecret, getSetupUri } = (setup.nextStep as { totpSetupDetails: { sharedSecret: string; getSetupUri: (app: string, account?: string) => URL } }).totpSetupDetails;
    expect(getSetupUri('Cognate', email).href).toBe(`otpauth://totp/Cognate:${email}?secret=${sharedSecret}&issuer=Cognate`);

    const requests = recordRequests();
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(sharedSecret, clock.now()), options: { friendlyDeviceName: 'test phone' } })).toEqual(signedIn);
    expect(requests()).toEqual([
      { operation: 'VerifySoftwareToken', body: { UserCode: totpCodeAt(sharedSecret, clock.now()), Session: expect.any(String), FriendlyDeviceName: 'test phone' } },
      { operation: 'RespondToAuthChallenge', body: { ChallengeName: 'MFA_SETUP', ChallengeResponses: { USERNAME: uuid }, Session: expect.any(String), ClientId: requiredPool.clientId } },
    ]);
    await expectSignedInAs(email, sub);
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' });

    // From now on the authenticator is the second factor.
    await signOut();
    clock.advance(30_000);
    expect(await signIn({ username: email, password })).toEqual(totpChallenge);
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(sharedSecret, clock.now()) })).toEqual(signedIn);
  });

  it('MFA required, TOTP and email offered: "EMAIL" gives CONTINUE_SIGN_IN_WITH_EMAIL_SETUP; an address gives CONFIRM_SIGN_IN_WITH_EMAIL_CODE; the code mailed there is DONE and email MFA is then on', async () => {
    useAmplifyPool(server, requiredPool);
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    const mfaAddress = `second-${randomUUID().slice(0, 8)}@example.org`;

    expect(await signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: ['TOTP', 'EMAIL'] },
    });
    expect(await confirmSignIn({ challengeResponse: 'EMAIL' })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' } });
    const requests = recordRequests();
    expect(await confirmSignIn({ challengeResponse: mfaAddress })).toEqual(emailChallenge('s***@e***'));
    const code = await nextMailCode(mfaAddress, 'authentication');
    await expect(confirmSignIn({ challengeResponse: wrongCode(code) })).rejects.toMatchObject(codeMismatch);
    expect(await confirmSignIn({ challengeResponse: code })).toEqual(signedIn);
    expect(requests().map(({ body }) => [body.ChallengeName, body.ChallengeResponses])).toEqual([
      ['MFA_SETUP', { USERNAME: uuid, EMAIL: mfaAddress }],
      ['EMAIL_OTP', { USERNAME: uuid, EMAIL_OTP_CODE: wrongCode(code) }],
      ['EMAIL_OTP', { USERNAME: uuid, EMAIL_OTP_CODE: code }],
    ]);

    await expectSignedInAs(email, sub);
    expect(await fetchMFAPreference()).toEqual({ enabled: ['EMAIL'], preferred: 'EMAIL' });
    // The address the code reached is the user's, verified.
    expect(await fetchUserAttributes()).toEqual({ email: mfaAddress, email_verified: 'true', sub });
  });

  it('MFA required, only TOTP offered: signIn goes straight to CONTINUE_SIGN_IN_WITH_TOTP_SETUP; a TOTP code is DONE', async () => {
    useAmplifyPool(server, totpOnlyPool);
    const email = uniqueEmail();
    const sub = await confirmedUser(email);

    const requests = recordRequests();
    const setup = await signIn({ username: email, password });
    expect(setup).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', totpSetupDetails: { sharedSecret: base32Secret, getSetupUri: expect.any(Function) } },
    });
    const { sharedSecret } = (setup.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails;
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(sharedSecret, clock.now()) })).toEqual(signedIn);
    expect(requests().map(({ operation, body }) => [operation, body.AuthFlow ?? body.ChallengeName ?? null])).toEqual([
      ['InitiateAuth', 'USER_SRP_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
      ['AssociateSoftwareToken', null],
      ['VerifySoftwareToken', null],
      ['RespondToAuthChallenge', 'MFA_SETUP'],
    ]);
    await expectSignedInAs(email, sub);
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' });
  });

  it('MFA required, only email offered: signIn goes straight to CONTINUE_SIGN_IN_WITH_EMAIL_SETUP; the user\'s own address and the mailed code are DONE', async () => {
    useAmplifyPool(server, emailOnlyPool);
    const email = uniqueEmail();
    const sub = await confirmedUser(email);

    expect(await signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' } });
    expect(await confirmSignIn({ challengeResponse: email })).toEqual(emailChallenge('u***@e***'));
    expect(await confirmSignIn({ challengeResponse: await nextMailCode(email, 'authentication') })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
    expect(await fetchMFAPreference()).toEqual({ enabled: ['EMAIL'], preferred: 'EMAIL' });

    // The next sign-in asks for an emailed code straight away.
    await signOut();
    expect(await signIn({ username: email, password })).toEqual(emailChallenge('u***@e***'));
    expect(await confirmSignIn({ challengeResponse: await nextMailCode(email, 'authentication') })).toEqual(signedIn);
  });

  it('an MFA code sent after the sign-in session expired (server clock past 3 minutes) is refused with NotAuthorizedException "Invalid session for the user, session is expired."', async () => {
    const email = uniqueEmail();
    await confirmedUser(email);
    await asAdmin((admin) =>
      admin.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: optionalPool.id, Username: email, EmailMfaSettings: { Enabled: true, PreferredMfa: true } })),
    );

    expect(await signIn({ username: email, password })).toEqual(emailChallenge('u***@e***'));
    const code = await nextMailCode(email, 'authentication');
    clock.advance(3 * 60_000 + 1);
    // Amplify's own 3-minute limit runs on the wall clock, which has not moved: the answer is the server's.
    const requests = recordRequests();
    await expect(confirmSignIn({ challengeResponse: code })).rejects.toMatchObject(sessionExpired);
    expect(requests().map(({ operation, body }) => [operation, body.ChallengeName])).toEqual([['RespondToAuthChallenge', 'EMAIL_OTP']]);

    // A new sign-in works with its own code.
    expect(await signIn({ username: email, password })).toEqual(emailChallenge('u***@e***'));
    expect(await confirmSignIn({ challengeResponse: await nextMailCode(email, 'authentication') })).toEqual(signedIn);
  });

  it('a TOTP code that was already used is refused with CodeMismatchException; the next step\'s code is DONE', async () => {
    const email = uniqueEmail();
    const sub = await confirmedUser(email);
    await signIn({ username: email, password });
    const secret = await registerTotp();
    await updateMFAPreference({ totp: 'PREFERRED' });
    await signOut();

    const code = totpCodeAt(secret, clock.now());
    expect(await signIn({ username: email, password })).toEqual(totpChallenge);
    expect(await confirmSignIn({ challengeResponse: code })).toEqual(signedIn);
    await signOut();

    // Same step, same code: spent.
    expect(await signIn({ username: email, password })).toEqual(totpChallenge);
    await expect(confirmSignIn({ challengeResponse: code })).rejects.toMatchObject(codeMismatch);
    // The code verifyTOTPSetup took, one step back and still inside the skew window, is spent as well.
    await expect(confirmSignIn({ challengeResponse: totpCodeAt(secret, clock.now() - 30_000) })).rejects.toMatchObject(codeMismatch);
    clock.advance(30_000);
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(secret, clock.now()) })).toEqual(signedIn);
    await expectSignedInAs(email, sub);
  });
});
