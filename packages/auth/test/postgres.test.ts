// The main flow once more on PostgreSQL: sign-up, SRP sign-in, session, one refresh for many
// callers, attributes, TOTP MFA, sign-out everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/src/userpool/mfa/totp.js';
import { newEmail, password, startCognate, type Cognate } from './support/cognate.js';
import { recordingFetch } from './support/requests.js';

describe('the main flow against Cognate on PostgreSQL', () => {
  let cognate: Cognate;
  beforeAll(async () => {
    cognate = await startCognate('postgres');
  });
  afterAll(() => cognate.close());

  it('sign-up, sign-in, session, refresh, attributes, TOTP and global sign-out', async () => {
    const recorder = recordingFetch();
    const auth = cognate.auth('authmfaclient1', { fetch: recorder.fetch });
    const events: string[] = [];
    auth.Hub.listen('auth', ({ payload }) => events.push(payload.event));
    const email = newEmail();

    const { userId, nextStep } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
    expect(nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await auth.getCurrentUser()).toEqual({ username: userId, userId, signInDetails: { loginId: email, authFlowType: 'USER_SRP_AUTH' } });
    expect((await auth.fetchAuthSession()).userSub).toBe(userId);

    cognate.clock.advance(3600_000);
    recorder.requests.length = 0;
    const sessions = await Promise.all(Array.from({ length: 20 }, () => auth.fetchAuthSession()));
    expect(recorder.operations()).toEqual(['GetTokensFromRefreshToken']);
    expect(new Set(sessions.map((s) => s.tokens!.accessToken.toString())).size).toBe(1);

    await auth.updateUserAttributes({ userAttributes: { name: 'Ada' } });
    expect(await auth.fetchUserAttributes()).toMatchObject({ email, name: 'Ada', sub: userId });

    const { sharedSecret } = await auth.setUpTOTP();
    cognate.clock.advance(30_000);
    await auth.verifyTOTPSetup({ code: totpCodeAt(sharedSecret, cognate.clock.now()) });
    await auth.updateMFAPreference({ totp: 'PREFERRED' });
    await auth.signOut({ global: true });
    expect(await auth.signIn({ username: email, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
    cognate.clock.advance(30_000);
    expect((await auth.confirmSignIn({ challengeResponse: totpCodeAt(sharedSecret, cognate.clock.now()) })).isSignedIn).toBe(true);
    await auth.signOut();
    expect(events).toEqual(['signedIn', 'tokenRefresh', 'signedOut', 'signedIn', 'signedOut']);
  });
});
