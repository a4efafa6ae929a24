// User management through @cognate/auth against a real Cognate server: attributes, passwords, deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthInstance } from '../src/index.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { recordingFetch, rejection } from './support/requests.js';

describe('user management against Cognate (sqlite)', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('sqlite');
  });
  afterAll(() => cognate.close());

  async function signedIn(auth: AuthInstance = cognate.auth()) {
    const email = newEmail();
    const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email, 'custom:team': 'red' } } });
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    await auth.signIn({ username: email, password });
    return { auth, email, sub: userId! };
  }

  it('fetchUserAttributes returns the attributes as { name: value }', async () => {
    const { auth, email, sub } = await signedIn();
    expect(await auth.fetchUserAttributes()).toEqual({ sub, email, email_verified: 'true', 'custom:team': 'red' });
  });

  it('updateUserAttributes: a plain attribute is DONE, a new email needs its mailed code, which confirmUserAttribute takes', async () => {
    const { auth, email } = await signedIn();
    const newAddress = newEmail('moved');
    expect(await auth.updateUserAttributes({ userAttributes: { name: 'Ada', email: newAddress } })).toEqual({
      name: { isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } },
      email: {
        isUpdated: false,
        nextStep: { updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE', codeDeliveryDetails: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'm***@e***' } },
      },
    });
    const code = await cognate.emailCode(newAddress);
    expect(await rejection(auth.confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: '' }))).toMatchObject({ name: 'EmptyConfirmUserAttributeCode' });
    await auth.confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code });
    expect(await auth.fetchUserAttributes()).toMatchObject({ name: 'Ada', email: newAddress, email_verified: 'true' });
    expect(email).not.toBe(newAddress);
  });

  it('updateUserAttribute updates one attribute; sendUserAttributeVerificationCode mails a code for email', async () => {
    const { auth, email } = await signedIn();
    expect(await auth.updateUserAttribute({ userAttribute: { attributeKey: 'custom:team', value: 'blue' } })).toEqual({
      isUpdated: true,
      nextStep: { updateAttributeStep: 'DONE' },
    });
    expect(await auth.sendUserAttributeVerificationCode({ userAttributeKey: 'email' })).toEqual({ destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' });
    await auth.confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: await cognate.emailCode(email) });
    expect(await auth.fetchUserAttributes()).toMatchObject({ 'custom:team': 'blue' });
  });

  it('deleteUserAttributes removes attributes', async () => {
    const { auth } = await signedIn();
    await auth.deleteUserAttributes({ userAttributeKeys: ['custom:team'] });
    expect(await auth.fetchUserAttributes()).not.toHaveProperty('custom:team');
  });

  it('updatePassword needs the current password; afterwards only the new one signs in', async () => {
    const { auth, email } = await signedIn();
    expect(await rejection(auth.updatePassword({ oldPassword: 'Wrong-Horse-9', newPassword: 'Newer-Horse-9' }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await auth.updatePassword({ oldPassword: password, newPassword: 'Newer-Horse-9' });
    await auth.signOut();
    expect(await rejection(auth.signIn({ username: email, password }))).toMatchObject({ name: 'NotAuthorizedException' });
    expect((await auth.signIn({ username: email, password: 'Newer-Horse-9' })).isSignedIn).toBe(true);
  });

  it('resetPassword mails a code (CONFIRM_RESET_PASSWORD_WITH_CODE); confirmResetPassword sets the new password', async () => {
    const { auth, email } = await signedIn();
    await auth.signOut();
    expect(await auth.resetPassword({ username: email })).toEqual({
      isPasswordReset: false,
      nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' } },
    });
    const code = await cognate.emailCode(email);
    expect(await rejection(auth.confirmResetPassword({ username: email, confirmationCode: code, newPassword: 'weak' }))).toMatchObject({ name: 'InvalidPasswordException' });
    await auth.confirmResetPassword({ username: email, confirmationCode: code, newPassword: 'Reset-Horse-9' });
    expect((await auth.signIn({ username: email, password: 'Reset-Horse-9' })).isSignedIn).toBe(true);
  });

  it('deleteUser deletes the user on the server, signs out and emits signedOut', async () => {
    const recorder = recordingFetch();
    const { auth, email } = await signedIn(cognate.auth(undefined, { fetch: recorder.fetch }));
    const events: string[] = [];
    auth.Hub.listen('auth', ({ payload }) => events.push(payload.event));
    recorder.requests.length = 0;
    await auth.deleteUser();
    expect(recorder.operations()).toEqual(['DeleteUser', 'RevokeToken']);
    expect(events).toEqual(['signedOut']);
    expect((await auth.fetchAuthSession()).tokens).toBeUndefined();
    expect(await rejection(auth.signIn({ username: email, password }))).toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('every user operation without a session is UserUnAuthenticatedException, with no request', async () => {
    const recorder = recordingFetch();
    const auth = cognate.auth(undefined, { fetch: recorder.fetch });
    const calls = [
      auth.fetchUserAttributes(),
      auth.updateUserAttributes({ userAttributes: { name: 'x' } }),
      auth.sendUserAttributeVerificationCode({ userAttributeKey: 'email' }),
      auth.deleteUserAttributes({ userAttributeKeys: ['name'] }),
      auth.updatePassword({ oldPassword: 'a', newPassword: 'b' }),
      auth.deleteUser(),
      auth.setUpTOTP(),
      auth.updateMFAPreference({ totp: 'ENABLED' }),
      auth.fetchMFAPreference(),
      auth.fetchDevices(),
    ];
    for (const call of calls) expect(await rejection(call)).toMatchObject({ name: 'UserUnAuthenticatedException' });
    expect(recorder.requests).toEqual([]);
  });
});
