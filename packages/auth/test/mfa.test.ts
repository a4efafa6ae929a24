// Multi-factor sign-in and MFA management through @cognate/auth against a real Cognate server:
// codes by SMTP and the SMS webhook, TOTP codes computed for the shared test clock.
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClient } from '../../server/test/support/sdk.js';
import { totpCodeAt } from '../../server/src/userpool/mfa/totp.js';
import { createMemoryStorage, type AuthInstance } from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { rejection } from './support/requests.js';

const poolOf: Record<string, string> = { authmfaclient1: 'us-east-1_AuthMfa1', authmfaonclient1: 'us-east-1_AuthMfaOn1', authtotponclient1: 'us-east-1_AuthTotpOn1' };

describe('multi-factor authentication against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  /** A confirmed user (with a verified phone number when asked) and an instance for its client. */
  async function user(clientId: string, { phone }: { phone?: string } = {}) {
    const auth = cognate.auth(clientId);
    const email = newEmail();
    const userAttributes: Record<string, string> = { email };
    if (phone) userAttributes.phone_number = phone;
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    if (phone) {
      await sdkClient(cognate.server).send(
        new AdminUpdateUserAttributesCommand({ UserPoolId: poolOf[clientId], Username: email, UserAttributes: [{ Name: 'phone_number_verified', Value: 'true' }] }),
      );
    }
    return { auth, email, sub: userId! };
  }
  const newPhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  /** A TOTP code no earlier sign-in used: each 30-second step is accepted once. */
  const nextTotp = (secret: string) => {
    cognate.clock.advance(30_000);
    return totpCodeAt(secret, cognate.clock.now());
  };

  /** Signs in and sets up TOTP through the access token, as an app's settings page would. */
  async function withTotp(auth: AuthInstance, email: string) {
    await auth.signIn({ username: email, password });
    const details = await auth.setUpTOTP();
    await auth.verifyTOTPSetup({ code: nextTotp(details.sharedSecret), options: { friendlyDeviceName: 'phone' } });
    return details.sharedSecret;
  }

  it('setUpTOTP gives the secret and the otpauth URI; verifyTOTPSetup, updateMFAPreference and fetchMFAPreference follow', async () => {
    const { auth, email, sub } = await user('authmfaclient1');
    await auth.signIn({ username: email, password });
    expect(await auth.fetchMFAPreference()).toEqual({ preferred: undefined, enabled: undefined });
    const details = await auth.setUpTOTP();
    expect(details.sharedSecret).toMatch(/^[A-Z2-7]{52}$/);
    expect(details.getSetupUri('MyApp').toString()).toBe(`otpauth://totp/MyApp:${sub}?secret=${details.sharedSecret}&issuer=MyApp`);
    expect(details.getSetupUri('MyApp', 'ada').href).toBe(`otpauth://totp/MyApp:ada?secret=${details.sharedSecret}&issuer=MyApp`);
    expect(await rejection(auth.verifyTOTPSetup({ code: '' }))).toMatchObject({ name: 'EmptyVerifyTOTPSetupCode' });
    await auth.verifyTOTPSetup({ code: nextTotp(details.sharedSecret) });
    await auth.updateMFAPreference({ totp: 'PREFERRED' });
    expect(await auth.fetchMFAPreference()).toEqual({ preferred: 'TOTP', enabled: ['TOTP'] });
    await auth.updateMFAPreference({ totp: 'DISABLED' });
    expect(await auth.fetchMFAPreference()).toEqual({ preferred: undefined, enabled: undefined });
  });

  it('TOTP sign-in: CONFIRM_SIGN_IN_WITH_TOTP_CODE; a wrong code is CodeMismatchException, the right one DONE', async () => {
    const { auth, email } = await user('authmfaclient1');
    const secret = await withTotp(auth, email);
    await auth.updateMFAPreference({ totp: 'PREFERRED' });
    await auth.signOut();
    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
    const code = nextTotp(secret);
    expect(await rejection(auth.confirmSignIn({ challengeResponse: code === '000000' ? '111111' : '000000' }))).toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    });
    expect(await auth.confirmSignIn({ challengeResponse: code })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await auth.getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'USER_SRP_AUTH' });
  });

  it('SMS MFA: CONFIRM_SIGN_IN_WITH_SMS_CODE with the masked phone, and the code the SMS webhook received', async () => {
    const phone = newPhone();
    const { auth, email } = await user('authmfaclient1', { phone });
    await auth.signIn({ username: email, password });
    await auth.updateMFAPreference({ sms: 'PREFERRED' });
    await auth.signOut();
    expect(await auth.signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: { deliveryMedium: 'SMS', destination: `+*******${phone.slice(-4)}` } },
    });
    expect((await auth.confirmSignIn({ challengeResponse: await cognate.smsCode(phone) })).isSignedIn).toBe(true);
  });

  it('email MFA: CONFIRM_SIGN_IN_WITH_EMAIL_CODE, code from the mail', async () => {
    const { auth, email } = await user('authmfaclient1');
    await auth.signIn({ username: email, password });
    await auth.updateMFAPreference({ email: 'PREFERRED' });
    expect(await auth.fetchMFAPreference()).toEqual({ preferred: 'EMAIL', enabled: ['EMAIL'] });
    await auth.signOut();
    expect(await auth.signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'u***@e***' } },
    });
    expect((await auth.confirmSignIn({ challengeResponse: await cognate.emailCode(email) })).isSignedIn).toBe(true);
  });

  it('several factors and no preference: CONTINUE_SIGN_IN_WITH_MFA_SELECTION, then the chosen factor', async () => {
    const phone = newPhone();
    const { auth, email } = await user('authmfaclient1', { phone });
    const secret = await withTotp(auth, email);
    await auth.updateMFAPreference({ totp: 'ENABLED', sms: 'ENABLED' });
    await auth.signOut();
    expect(await auth.signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP'] },
    });
    expect(await rejection(auth.confirmSignIn({ challengeResponse: 'FAX' }))).toMatchObject({
      name: 'IncorrectMFAMethod',
      recoverySuggestion: 'Try to pass SMS, TOTP, or EMAIL as the challengeResponse',
    });
    expect(await auth.confirmSignIn({ challengeResponse: 'TOTP' })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
    expect((await auth.confirmSignIn({ challengeResponse: nextTotp(secret) })).isSignedIn).toBe(true);
  });

  it('MFA required, TOTP or email offered: MFA_SETUP selection, then TOTP set-up during sign-in', async () => {
    const { auth, email, sub } = await user('authmfaonclient1');
    expect(await auth.signIn({ username: email, password })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: ['TOTP', 'EMAIL'] },
    });
    const setup = await auth.confirmSignIn({ challengeResponse: 'TOTP' });
    expect(setup).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', totpSetupDetails: expect.any(Object) } });
    const { totpSetupDetails } = setup.nextStep as Extract<typeof setup.nextStep, { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' }>;
    expect(totpSetupDetails.getSetupUri('MyApp').toString()).toBe(`otpauth://totp/MyApp:${sub}?secret=${totpSetupDetails.sharedSecret}&issuer=MyApp`);
    const done = await auth.confirmSignIn({ challengeResponse: nextTotp(totpSetupDetails.sharedSecret), options: { friendlyDeviceName: 'my phone' } });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await auth.fetchMFAPreference()).toMatchObject({ enabled: ['TOTP'] });
  });

  it('MFA required: email set-up during sign-in, with an address, then the code sent there', async () => {
    const { auth, email } = await user('authmfaonclient1');
    await auth.signIn({ username: email, password });
    expect(await auth.confirmSignIn({ challengeResponse: 'EMAIL' })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' } });
    expect(await auth.confirmSignIn({ challengeResponse: email })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'u***@e***' } },
    });
    expect((await auth.confirmSignIn({ challengeResponse: await cognate.emailCode(email) })).isSignedIn).toBe(true);
    expect(await auth.fetchMFAPreference()).toEqual({ preferred: 'EMAIL', enabled: ['EMAIL'] });
  });

  it('MFA required with TOTP only: CONTINUE_SIGN_IN_WITH_TOTP_SETUP straight away', async () => {
    const { auth, email } = await user('authtotponclient1');
    const setup = await auth.signIn({ username: email, password });
    expect(setup.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    const { totpSetupDetails } = setup.nextStep as Extract<typeof setup.nextStep, { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' }>;
    expect((await auth.confirmSignIn({ challengeResponse: nextTotp(totpSetupDetails.sharedSecret) })).isSignedIn).toBe(true);
  });

  it('a sign-in in progress survives a page reload (a new instance on the same storages) within 3 minutes', async () => {
    const { email } = await user('authmfaclient1');
    const storage = createMemoryStorage();
    const signInStorage = createMemoryStorage();
    const first = cognate.auth('authmfaclient1', { storage, signInStorage });
    const secret = await withTotp(first, email);
    await first.updateMFAPreference({ totp: 'PREFERRED' });
    await first.signOut();
    expect((await first.signIn({ username: email, password })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');

    const reloaded = cognate.auth('authmfaclient1', { storage, signInStorage });
    cognate.clock.advance(60_000);
    expect(await reloaded.confirmSignIn({ challengeResponse: totpCodeAt(secret, cognate.clock.now()) })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await reloaded.getCurrentUser()).signInDetails).toEqual({ loginId: email, authFlowType: 'USER_SRP_AUTH' });
    await reloaded.signOut();

    await first.signIn({ username: email, password });
    cognate.clock.advance(3 * 60_000 + 1);
    expect(await rejection(cognate.auth('authmfaclient1', { storage, signInStorage }).confirmSignIn({ challengeResponse: nextTotp(secret) }))).toMatchObject({
      name: 'SignInException',
    });
  });
});
