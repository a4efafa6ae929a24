// Remembered devices through @cognate/auth against a real Cognate server: ConfirmDevice after
// sign-in, device SRP instead of MFA, and the device functions.
import { AdminForgetDeviceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClient } from '../../server/test/support/sdk.js';
import { totpCodeAt } from '../../server/src/userpool/mfa/totp.js';
import { createMemoryStorage } from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { recordingFetch, rejection } from './support/requests.js';

const clientId = 'authdevclient1';
const keyPrefix = `CognitoIdentityServiceProvider.${clientId}`;

describe('remembered devices against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  /** A user with TOTP as preferred MFA, signed in (the device confirmed on the way). */
  async function userWithTotp() {
    const storage = createMemoryStorage();
    const recorder = recordingFetch();
    const auth = cognate.auth(clientId, { storage, fetch: recorder.fetch });
    const email = newEmail();
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    await auth.signIn({ username: email, password });
    const { sharedSecret } = await auth.setUpTOTP();
    cognate.clock.advance(30_000);
    await auth.verifyTOTPSetup({ code: totpCodeAt(sharedSecret, cognate.clock.now()) });
    await auth.updateMFAPreference({ totp: 'PREFERRED' });
    return { auth, storage, recorder, email, sub: userId!, secret: sharedSecret };
  }

  it('confirms the device the server hands out at sign-in and keeps its keys under Amplify’s names', async () => {
    const { storage, recorder, sub } = await userWithTotp();
    const confirm = recorder.requests.find((r) => r.operation === 'ConfirmDevice')!;
    expect(confirm.body).toEqual({
      AccessToken: expect.any(String),
      DeviceKey: expect.stringMatching(/^us-east-1_[0-9a-f-]{36}$/),
      DeviceSecretVerifierConfig: { Salt: expect.any(String), PasswordVerifier: expect.any(String) },
      DeviceName: 'Node.js',
    });
    expect(await storage.getItem(`${keyPrefix}.${sub}.deviceKey`)).toBe(confirm.body.DeviceKey);
    expect(await storage.getItem(`${keyPrefix}.${sub}.deviceGroupKey`)).toEqual(expect.any(String));
    expect(await storage.getItem(`${keyPrefix}.${sub}.randomPasswordKey`)).toMatch(/^[A-Za-z0-9+/]{54}==$/);
  });

  it('fetchDevices lists it; rememberDevice marks it remembered', async () => {
    const { auth, storage, sub } = await userWithTotp();
    const deviceKey = await storage.getItem(`${keyPrefix}.${sub}.deviceKey`);
    const [device, ...others] = await auth.fetchDevices();
    expect(others).toEqual([]);
    expect(device).toMatchObject({ id: deviceKey, name: 'Node.js', attributes: { device_name: 'Node.js', device_status: 'not_remembered' }, createDate: expect.any(Date) });
    await auth.rememberDevice();
    expect((await auth.fetchDevices())[0]!.attributes.device_status).toBe('remembered');
  });

  it('a remembered device signs in with device SRP instead of the TOTP code', async () => {
    const { auth, recorder, email } = await userWithTotp();
    await auth.rememberDevice();
    await auth.signOut();
    recorder.requests.length = 0;
    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.requests.map(({ operation, body }) => [operation, body.AuthFlow ?? body.ChallengeName])).toEqual([
      ['InitiateAuth', 'USER_SRP_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
      ['RespondToAuthChallenge', 'DEVICE_SRP_AUTH'],
      ['RespondToAuthChallenge', 'DEVICE_PASSWORD_VERIFIER'],
    ]);
    expect(recorder.requests[1]!.body.ChallengeResponses.DEVICE_KEY).toEqual(expect.any(String));
  });

  it('forgetDevice forgets it on the server and here; the next sign-in asks for the TOTP code again', async () => {
    const { auth, storage, sub, email, secret } = await userWithTotp();
    await auth.rememberDevice();
    await auth.forgetDevice();
    expect(await storage.getItem(`${keyPrefix}.${sub}.deviceKey`)).toBeNull();
    expect(await auth.fetchDevices()).toEqual([]);
    expect(await rejection(auth.rememberDevice())).toMatchObject({ name: 'DeviceMetadataNotFoundException' });
    await auth.signOut();
    expect((await auth.signIn({ username: email, password })).nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' });
    cognate.clock.advance(30_000);
    expect((await auth.confirmSignIn({ challengeResponse: totpCodeAt(secret, cognate.clock.now()) })).isSignedIn).toBe(true);
  });

  it('a device the server no longer knows is dropped and the step repeated without it, as Amplify does', async () => {
    const { auth, storage, recorder, sub, email, secret } = await userWithTotp();
    const deviceKey = (await storage.getItem(`${keyPrefix}.${sub}.deviceKey`))!;
    await auth.signOut();
    await sdkClient(cognate.server).send(new AdminForgetDeviceCommand({ UserPoolId: 'us-east-1_AuthDevices1', Username: email, DeviceKey: deviceKey }));
    recorder.requests.length = 0;
    expect((await auth.signIn({ username: email, password })).nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' });
    const verifiers = recorder.requests.filter((r) => r.body.ChallengeName === 'PASSWORD_VERIFIER');
    expect(verifiers.map((r) => r.body.ChallengeResponses.DEVICE_KEY)).toEqual([deviceKey, undefined]);
    cognate.clock.advance(30_000);
    expect((await auth.confirmSignIn({ challengeResponse: totpCodeAt(secret, cognate.clock.now()) })).isSignedIn).toBe(true);
  });
});
