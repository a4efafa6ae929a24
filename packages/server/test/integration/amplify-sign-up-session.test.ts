// aws-amplify v6, unchanged, against a real Cognate server on loopback: sign-up with
// autoSignIn { authFlowType: 'USER_AUTH' }, the code from mail delivered over SMTP, then autoSignIn(),
// which redeems ConfirmSignUp's Session with InitiateAuth USER_AUTH; with a password and without.
import { Amplify } from 'aws-amplify';
import { autoSignIn, confirmSignUp, getCurrentUser, signOut, signUp } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver.js';
import { uniqueEmail } from '../support/sdk.js';

const password = 'Correct-Horse-9';
const userPoolId = 'us-east-1_AmplifySignUpSession';
const userPoolClientId = 'amplifysignupsession1';

const config: ConfigFile = {
  UserPools: [
    {
      Id: userPoolId,
      PoolName: 'amplify-sign-up-session',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      Clients: [{ ClientId: userPoolClientId, ClientName: 'amplify-sign-up-session', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

describe.each(dialects)('aws-amplify v6 autoSignIn after sign-up (USER_AUTH) against Cognate on %s', (dialect) => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  const clock = new ManualClock(Date.now());
  const taken = new Set<ReceivedMail>();

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(dialect, { config, clock, smtpUrl: smtp.url });
    Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: server.url } } });
  });

  afterEach(async () => {
    await signOut();
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  /**
   * autoSignIn(), with aws-amplify's 300 ms debounce (which drops a call made within 300 ms of the
   * last) run on fake timers, so one test's sign-in does not swallow the next one's.
   */
  function autoSignInUndebounced(): ReturnType<typeof autoSignIn> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const signingIn = autoSignIn();
      vi.advanceTimersByTime(300);
      return signingIn;
    } finally {
      vi.useRealTimers();
    }
  }


  async function nextCode(address: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && !taken.has(m));
    taken.add(mail);
    expect(mail.subject).toBe('Your verification code');
    const match = /^Your verification code is (\d{6})\.$/.exec(mail.text);
    expect(match, `mail text: ${mail.text}`).not.toBeNull();
    return match![1]!;
  }

  it.each([
    ['with a password', password],
    ['without a password (passwordless sign-up)', undefined],
  ])('%s: signUp, confirmSignUp (COMPLETE_AUTO_SIGN_IN), then autoSignIn() is DONE and signed in as the new user', async (_label, userPassword) => {
    const email = uniqueEmail();
    const { userId, nextStep } = await signUp({
      username: email,
      ...(userPassword === undefined ? {} : { password: userPassword }),
      options: { userAttributes: { email }, autoSignIn: { authFlowType: 'USER_AUTH' } },
    });
    expect(nextStep).toEqual({ signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: { destination: 'u***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' } });
    expect(await confirmSignUp({ username: email, confirmationCode: await nextCode(email) })).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' } });
    expect(await autoSignInUndebounced()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await getCurrentUser()).toEqual({ username: expect.any(String), userId, signInDetails: { loginId: email, authFlowType: 'USER_AUTH' } });
  });
});
