import { Amplify } from 'aws-amplify';
import { confirmSignIn, confirmSignUp, fetchDevices, forgetDevice, rememberDevice, signIn, signOut, signUp } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { totpCodeAt } from '../../src/userpool/mfa/totp.js';
import { dialects } from '../support/databases.js';
import { latestCode, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const config: ConfigFile = {
  UserPools: [
    {
      Id: 'us-east-1_AmplifyDevices',
      PoolName: 'amplify-devices',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      Clients: [{ ClientId: 'amplifydevices', ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

describe.each(dialects)('remembering a device with aws-amplify v6 in an MFA-required pool (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  // Amplify names the device after navigator.userAgent, which Node 20 does not have.
  (globalThis as { navigator?: unknown }).navigator ??= { userAgent: 'vitest' };

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
    Amplify.configure({ Auth: { Cognito: { userPoolId: 'us-east-1_AmplifyDevices', userPoolClientId: 'amplifydevices', userPoolEndpoint: server.url } } });
  });
  afterEach(() => signOut());
  afterAll(() => server.close());

  it('remembers the device with rememberDevice, then signs in from it without a code until it is forgotten', async () => {
    const email = uniqueEmail('amplify-device');
    await signUp({ username: email, password: testPassword, options: { userAttributes: { email } } });
    await confirmSignUp({ username: email, confirmationCode: await latestCode(server, email) });

    const setup = await signIn({ username: email, password: testPassword });
    expect(setup.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    const secret = (setup.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails.sharedSecret;
    expect(await confirmSignIn({ challengeResponse: totpCodeAt(secret, clock.now()) })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    clock.advance(30_000);

    // Confirmed after sign-in, but this pool remembers a device only when the user says so.
    expect(await fetchDevices()).toEqual([expect.objectContaining({ name: 'vitest', attributes: { device_status: 'not_remembered', device_name: 'vitest' } })]);
    await rememberDevice();
    expect(await fetchDevices()).toEqual([expect.objectContaining({ attributes: { device_status: 'remembered', device_name: 'vitest' } })]);
    await signOut();

    expect(await signIn({ username: email, password: testPassword })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    await forgetDevice();
    expect(await fetchDevices()).toEqual([]);
    await signOut();
    expect((await signIn({ username: email, password: testPassword })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  });
});
