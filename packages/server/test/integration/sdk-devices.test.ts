import {
  AdminDeleteUserCommand,
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  AssociateSoftwareTokenCommand,
  ConfirmDeviceCommand,
  ConfirmSignUpCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  UpdateDeviceStatusCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignUp, fetchAuthSession, fetchDevices, forgetDevice, signIn as amplifySignIn, signOut, signUp } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { totpCodeAt } from '../../src/userpool/mfa/totp.js';
import { dialects } from '../support/databases.js';
import { deviceSrpClient, deviceVerifier, type RememberedDevice } from '../support/device-client.js';
import { decodePayload, latestCode, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { srpClient, srpTimestamp } from '../support/srp-client.js';

const flows = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
const totpRequired = { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } } as const;
const pool = (name: string, settings: object) => ({
  Id: `us-east-1_${name}`,
  PoolName: name,
  UsernameAttributes: ['email' as const],
  AutoVerifiedAttributes: ['email' as const],
  ...settings,
  Clients: [{ ClientId: name.toLowerCase(), ClientName: 'app', ExplicitAuthFlows: [...flows] }],
});
const config: ConfigFile = {
  UserPools: [
    pool('Devices', { DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false } }),
    pool('DevicesMfa', { ...totpRequired, DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false } }),
    pool('DevicesPrompt', { ...totpRequired, DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true } }),
    pool('DevicesMfaFirst', { ...totpRequired, DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false } }),
    pool('NoDevices', {}),
  ],
} as ConfigFile;

const unknownDeviceKey = 'us-east-1_00000000-0000-4000-8000-000000000000';
const deviceMissing = { name: 'ResourceNotFoundException', message: 'Device does not exist.' };
const withoutMetadata = <T extends { $metadata: unknown }>({ $metadata: _, ...body }: T) => body;
const at = (ms: number) => new Date(ms);

describe.each(dialects)('remembered devices through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock(Date.UTC(2026, 10, 22, 12, 0, 0));
  const client = () => sdkClient(server);
  const clientIdOf = (poolId: string) => poolId.slice('us-east-1_'.length).toLowerCase();
  const signIn = (poolId: string, USERNAME: string, DEVICE_KEY?: string) =>
    client().send(
      new InitiateAuthCommand({ ClientId: clientIdOf(poolId), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: testPassword, ...(DEVICE_KEY ? { DEVICE_KEY } : {}) } }),
    );
  const respond = (poolId: string, ChallengeName: string, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
    client().send(new RespondToAuthChallengeCommand({ ClientId: clientIdOf(poolId), ChallengeName: ChallengeName as never, Session, ChallengeResponses }));

  async function newUser(poolId: string) {
    const email = uniqueEmail('device');
    await client().send(new SignUpCommand({ ClientId: clientIdOf(poolId), Username: email, Password: testPassword }));
    await client().send(new ConfirmSignUpCommand({ ClientId: clientIdOf(poolId), Username: email, ConfirmationCode: await latestCode(server, email) }));
    return email;
  }

  /** First sign-in to a pool that requires MFA: TOTP set up through the sign-in Session. */
  async function enrolTotp(poolId: string, email: string) {
    const setup = await signIn(poolId, email);
    expect(setup.ChallengeName).toBe('MFA_SETUP');
    const associated = await client().send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    const verified = await client().send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCodeAt(associated.SecretCode!, clock.now()) }));
    const done = await respond(poolId, 'MFA_SETUP', verified.Session, { USERNAME: email });
    clock.advance(30_000);
    return { secret: associated.SecretCode!, tokens: done.AuthenticationResult! };
  }

  /** ConfirmDevice with a verifier computed as the official clients compute it. */
  async function confirm(tokens: AuthenticationResultType, DeviceName = 'Test browser') {
    const { DeviceSecretVerifierConfig, device } = await deviceVerifier(tokens.NewDeviceMetadata as { DeviceKey: string; DeviceGroupKey: string });
    const confirmed = await client().send(new ConfirmDeviceCommand({ AccessToken: tokens.AccessToken, DeviceKey: device.deviceKey, DeviceSecretVerifierConfig, DeviceName }));
    return { device, confirmed: withoutMetadata(confirmed) };
  }

  /** DEVICE_SRP_AUTH answered, as Amplify answers it: the challenge for the device's proof. */
  async function startDeviceSrp(poolId: string, email: string, device: RememberedDevice, challenge: { ChallengeName?: string; Session?: string; ChallengeParameters?: Record<string, string> }) {
    expect(challenge).toMatchObject({ ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: {} });
    const srp = await deviceSrpClient(device);
    const verifier = await respond(poolId, 'DEVICE_SRP_AUTH', challenge.Session, { USERNAME: email, DEVICE_KEY: device.deviceKey, SRP_A: srp.SRP_A });
    return { srp, verifier };
  }

  async function deviceSignIn(poolId: string, email: string, device: RememberedDevice) {
    const { srp, verifier } = await startDeviceSrp(poolId, email, device, await signIn(poolId, email, device.deviceKey));
    const answer = await srp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()));
    return (await respond(poolId, 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: verifier.ChallengeParameters!.USERNAME!, ...answer })).AuthenticationResult!;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(() => server.close());

  it('hands out NewDeviceMetadata on sign-in where the pool tracks devices, and binds the tokens to it', async () => {
    const email = await newUser('us-east-1_Devices');
    const first = (await signIn('us-east-1_Devices', email)).AuthenticationResult!;
    expect(first.NewDeviceMetadata).toEqual({ DeviceKey: expect.stringMatching(/^us-east-1_[0-9a-f-]{36}$/), DeviceGroupKey: expect.stringMatching(/^-[A-Za-z0-9]{9}$/) });
    expect(decodePayload(first.AccessToken!).device_key).toBe(first.NewDeviceMetadata!.DeviceKey);
    const second = (await signIn('us-east-1_Devices', email)).AuthenticationResult!;
    expect(second.NewDeviceMetadata!.DeviceKey).not.toBe(first.NewDeviceMetadata!.DeviceKey);

    const refreshed = await client().send(new InitiateAuthCommand({ ClientId: 'devices', AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken!, DEVICE_KEY: first.NewDeviceMetadata!.DeviceKey! } }));
    expect(Object.keys(refreshed.AuthenticationResult!).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    expect(decodePayload(refreshed.AuthenticationResult!.AccessToken!).device_key).toBe(first.NewDeviceMetadata!.DeviceKey);
    const viaGetTokens = await client().send(new GetTokensFromRefreshTokenCommand({ ClientId: 'devices', RefreshToken: first.RefreshToken!, DeviceKey: first.NewDeviceMetadata!.DeviceKey! }));
    expect(decodePayload(viaGetTokens.AuthenticationResult!.AccessToken!).device_key).toBe(first.NewDeviceMetadata!.DeviceKey);
    expect(
      await rejection(client().send(new InitiateAuthCommand({ ClientId: 'devices', AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken!, DEVICE_KEY: second.NewDeviceMetadata!.DeviceKey! } }))),
    ).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });

    const untracked = (await signIn('us-east-1_NoDevices', await newUser('us-east-1_NoDevices'))).AuthenticationResult!;
    expect(untracked.NewDeviceMetadata).toBeUndefined();
    expect(decodePayload(untracked.AccessToken!).device_key).toBeUndefined();
  });

  it('confirms, describes, lists, updates and forgets devices with an access token', async () => {
    const email = await newUser('us-east-1_Devices');
    const signedInAt = clock.now();
    const first = (await signIn('us-east-1_Devices', email)).AuthenticationResult!;
    clock.advance(1000);
    const confirmedAt = clock.now();
    const { device, confirmed } = await confirm(first);
    expect(confirmed).toEqual({ UserConfirmationNecessary: false });
    expect(await rejection(confirm(first))).toMatchObject({ name: 'InvalidParameterException' });
    const AccessToken = first.AccessToken!;
    const remembered = {
      DeviceKey: device.deviceKey,
      DeviceAttributes: [
        { Name: 'device_status', Value: 'remembered' },
        { Name: 'device_name', Value: 'Test browser' },
      ],
      DeviceCreateDate: at(signedInAt),
      DeviceLastModifiedDate: at(confirmedAt),
      DeviceLastAuthenticatedDate: at(signedInAt),
    };
    expect(withoutMetadata(await client().send(new GetDeviceCommand({ AccessToken, DeviceKey: device.deviceKey })))).toEqual({ Device: remembered });

    clock.advance(1000);
    const secondAt = clock.now();
    const second = (await signIn('us-east-1_Devices', email)).AuthenticationResult!.NewDeviceMetadata!;
    const unconfirmed = {
      DeviceKey: second.DeviceKey,
      DeviceAttributes: [{ Name: 'device_status', Value: 'not_remembered' }],
      DeviceCreateDate: at(secondAt),
      DeviceLastModifiedDate: at(secondAt),
      DeviceLastAuthenticatedDate: at(secondAt),
    };
    const page1 = withoutMetadata(await client().send(new ListDevicesCommand({ AccessToken, Limit: 1 })));
    expect(page1).toEqual({ Devices: [remembered], PaginationToken: expect.any(String) });
    expect(withoutMetadata(await client().send(new ListDevicesCommand({ AccessToken, Limit: 1, PaginationToken: page1.PaginationToken })))).toEqual({ Devices: [unconfirmed] });
    expect(withoutMetadata(await client().send(new ListDevicesCommand({ AccessToken })))).toEqual({ Devices: [remembered, unconfirmed] });

    clock.advance(1000);
    const updatedAt = clock.now();
    expect(withoutMetadata(await client().send(new UpdateDeviceStatusCommand({ AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'not_remembered' })))).toEqual({});
    expect(withoutMetadata(await client().send(new GetDeviceCommand({ AccessToken, DeviceKey: device.deviceKey })))).toEqual({
      Device: { ...remembered, DeviceAttributes: [{ Name: 'device_status', Value: 'not_remembered' }, remembered.DeviceAttributes[1]], DeviceLastModifiedDate: at(updatedAt) },
    });

    const otherUser = (await signIn('us-east-1_Devices', await newUser('us-east-1_Devices'))).AuthenticationResult!;
    expect(await rejection(client().send(new GetDeviceCommand({ AccessToken: otherUser.AccessToken, DeviceKey: device.deviceKey })))).toMatchObject(deviceMissing);
    expect(await rejection(client().send(new GetDeviceCommand({ AccessToken, DeviceKey: unknownDeviceKey })))).toMatchObject(deviceMissing);

    expect(withoutMetadata(await client().send(new ForgetDeviceCommand({ AccessToken, DeviceKey: device.deviceKey })))).toEqual({});
    expect(await rejection(client().send(new GetDeviceCommand({ AccessToken, DeviceKey: device.deviceKey })))).toMatchObject(deviceMissing);
    expect(await rejection(client().send(new ForgetDeviceCommand({ AccessToken, DeviceKey: device.deviceKey })))).toMatchObject(deviceMissing);
    expect(await rejection(client().send(new UpdateDeviceStatusCommand({ AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'remembered' })))).toMatchObject(deviceMissing);
    // Tokens issued on a forgotten device refresh no more.
    expect(await rejection(client().send(new GetTokensFromRefreshTokenCommand({ ClientId: 'devices', RefreshToken: first.RefreshToken! })))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });

  it('serves the admin device operations by pool and username', async () => {
    const email = await newUser('us-east-1_Devices');
    const signedInAt = clock.now();
    const { device } = await confirm((await signIn('us-east-1_Devices', email)).AuthenticationResult!, 'Admin test');
    const UserPoolId = 'us-east-1_Devices';
    const expected = {
      DeviceKey: device.deviceKey,
      DeviceAttributes: [
        { Name: 'device_status', Value: 'remembered' },
        { Name: 'device_name', Value: 'Admin test' },
      ],
      DeviceCreateDate: at(signedInAt),
      DeviceLastModifiedDate: at(signedInAt),
      DeviceLastAuthenticatedDate: at(signedInAt),
    };
    expect(withoutMetadata(await client().send(new AdminGetDeviceCommand({ UserPoolId, Username: email, DeviceKey: device.deviceKey })))).toEqual({ Device: expected });
    expect(withoutMetadata(await client().send(new AdminListDevicesCommand({ UserPoolId, Username: email })))).toEqual({ Devices: [expected] });
    clock.advance(1000);
    expect(withoutMetadata(await client().send(new AdminUpdateDeviceStatusCommand({ UserPoolId, Username: email, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'not_remembered' })))).toEqual({});
    expect((await client().send(new AdminGetDeviceCommand({ UserPoolId, Username: email, DeviceKey: device.deviceKey }))).Device).toEqual({
      ...expected,
      DeviceAttributes: [{ Name: 'device_status', Value: 'not_remembered' }, expected.DeviceAttributes[1]],
      DeviceLastModifiedDate: at(clock.now()),
    });
    expect(await rejection(client().send(new AdminGetDeviceCommand({ UserPoolId, Username: email, DeviceKey: unknownDeviceKey })))).toMatchObject(deviceMissing);
    expect(await rejection(client().send(new AdminListDevicesCommand({ UserPoolId, Username: 'nobody@example.com' })))).toMatchObject({ name: 'UserNotFoundException' });
    expect(withoutMetadata(await client().send(new AdminForgetDeviceCommand({ UserPoolId, Username: email, DeviceKey: device.deviceKey })))).toEqual({});
    expect(withoutMetadata(await client().send(new AdminListDevicesCommand({ UserPoolId, Username: email })))).toEqual({ Devices: [] });

    const { device: kept } = await confirm((await signIn(UserPoolId, email)).AuthenticationResult!);
    await client().send(new AdminDeleteUserCommand({ UserPoolId, Username: email }));
    expect(await server.context.db.selectFrom('devices').select('device_key').where('device_key', '=', kept.deviceKey).execute()).toEqual([]);
  });

  it('proves a remembered device with device SRP even where no MFA is due, and keeps its key through refresh', async () => {
    const email = await newUser('us-east-1_Devices');
    const { device } = await confirm((await signIn('us-east-1_Devices', email)).AuthenticationResult!);
    clock.advance(1000);
    const { srp, verifier } = await startDeviceSrp('us-east-1_Devices', email, device, await signIn('us-east-1_Devices', email, device.deviceKey));
    expect(verifier).toMatchObject({
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      ChallengeParameters: { SRP_B: expect.stringMatching(/^[0-9a-f]+$/), SALT: expect.any(String), SECRET_BLOCK: expect.any(String), USERNAME: expect.any(String), DEVICE_KEY: device.deviceKey },
    });
    const answer = await srp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()));
    const done = await respond('us-east-1_Devices', 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: verifier.ChallengeParameters!.USERNAME!, ...answer });
    expect(done.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();
    expect(decodePayload(done.AuthenticationResult!.AccessToken!).device_key).toBe(device.deviceKey);
    const described = await client().send(new GetDeviceCommand({ AccessToken: done.AuthenticationResult!.AccessToken, DeviceKey: device.deviceKey }));
    expect(described.Device!.DeviceLastAuthenticatedDate).toEqual(at(clock.now()));
    const refreshed = await client().send(new GetTokensFromRefreshTokenCommand({ ClientId: 'devices', RefreshToken: done.AuthenticationResult!.RefreshToken!, DeviceKey: device.deviceKey }));
    expect(decodePayload(refreshed.AuthenticationResult!.AccessToken!).device_key).toBe(device.deviceKey);
  });

  it('lets a remembered device stand in for TOTP: password, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, tokens', async () => {
    const email = await newUser('us-east-1_DevicesMfa');
    const { tokens } = await enrolTotp('us-east-1_DevicesMfa', email);
    const { device, confirmed } = await confirm(tokens);
    expect(confirmed).toEqual({ UserConfirmationNecessary: false });

    const viaPassword = await deviceSignIn('us-east-1_DevicesMfa', email, device);
    expect(decodePayload(viaPassword.AccessToken!).device_key).toBe(device.deviceKey);
    expect(viaPassword.RefreshToken).toBeDefined();

    // The SRP flow, with DEVICE_KEY where Amplify sends it.
    const srp = await srpClient('us-east-1_DevicesMfa');
    const started = await client().send(new InitiateAuthCommand({ ClientId: 'devicesmfa', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: email, SRP_A: srp.SRP_A, DEVICE_KEY: device.deviceKey } }));
    const proof = await srp.answer(started.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    const deviceChallenge = await respond('us-east-1_DevicesMfa', 'PASSWORD_VERIFIER', started.Session, { ...proof, DEVICE_KEY: device.deviceKey });
    const { srp: deviceSrp, verifier } = await startDeviceSrp('us-east-1_DevicesMfa', proof.USERNAME, device, deviceChallenge);
    const answer = await deviceSrp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()));
    const viaSrp = await respond('us-east-1_DevicesMfa', 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: proof.USERNAME, ...answer });
    expect(decodePayload(viaSrp.AuthenticationResult!.AccessToken!).device_key).toBe(device.deviceKey);
  });

  it('refuses a wrong device proof as a wrong password, once per session', async () => {
    const email = await newUser('us-east-1_DevicesMfa');
    const { device } = await confirm((await enrolTotp('us-east-1_DevicesMfa', email)).tokens);
    const { srp, verifier } = await startDeviceSrp('us-east-1_DevicesMfa', email, device, await signIn('us-east-1_DevicesMfa', email, device.deviceKey));
    const wrong = await srp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()), 'not-the-device-password');
    expect(await rejection(respond('us-east-1_DevicesMfa', 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: email, ...wrong }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    const right = await srp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()));
    expect(await rejection(respond('us-east-1_DevicesMfa', 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: email, ...right }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('answers an unknown DEVICE_KEY with "Device does not exist." where it is used, and lets the same SRP step go on without it', async () => {
    const email = await newUser('us-east-1_DevicesMfa');
    const { secret } = await enrolTotp('us-east-1_DevicesMfa', email);
    expect(await rejection(signIn('us-east-1_DevicesMfa', email, unknownDeviceKey))).toMatchObject(deviceMissing);
    expect(
      await rejection(client().send(new InitiateAuthCommand({ ClientId: 'devicesmfa', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: 'Wrong-password-1', DEVICE_KEY: unknownDeviceKey } }))),
    ).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });

    const otherEmail = await newUser('us-east-1_DevicesMfa');
    const { device: othersDevice } = await confirm((await enrolTotp('us-east-1_DevicesMfa', otherEmail)).tokens);
    expect(await rejection(signIn('us-east-1_DevicesMfa', email, othersDevice.deviceKey))).toMatchObject(deviceMissing);

    const srp = await srpClient('us-east-1_DevicesMfa');
    const started = await client().send(new InitiateAuthCommand({ ClientId: 'devicesmfa', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: email, SRP_A: srp.SRP_A, DEVICE_KEY: unknownDeviceKey } }));
    const proof = await srp.answer(started.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    expect(await rejection(respond('us-east-1_DevicesMfa', 'PASSWORD_VERIFIER', started.Session, { ...proof, DEVICE_KEY: unknownDeviceKey }))).toMatchObject(deviceMissing);
    const mfa = await respond('us-east-1_DevicesMfa', 'PASSWORD_VERIFIER', started.Session, proof);
    expect(mfa.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = await respond('us-east-1_DevicesMfa', 'SOFTWARE_TOKEN_MFA', mfa.Session, { USERNAME: proof.USERNAME, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now()) });
    expect(done.AuthenticationResult!.NewDeviceMetadata).toBeDefined();
  });

  it('asks for MFA again once the device is no longer remembered, or forgotten', async () => {
    const email = await newUser('us-east-1_DevicesMfa');
    const { tokens } = await enrolTotp('us-east-1_DevicesMfa', email);
    const { device } = await confirm(tokens);
    await client().send(new UpdateDeviceStatusCommand({ AccessToken: tokens.AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'not_remembered' }));
    expect((await signIn('us-east-1_DevicesMfa', email, device.deviceKey)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await client().send(new UpdateDeviceStatusCommand({ AccessToken: tokens.AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'remembered' }));
    expect((await signIn('us-east-1_DevicesMfa', email, device.deviceKey)).ChallengeName).toBe('DEVICE_SRP_AUTH');

    await client().send(new ForgetDeviceCommand({ AccessToken: tokens.AccessToken, DeviceKey: device.deviceKey }));
    expect(await rejection(signIn('us-east-1_DevicesMfa', email, device.deviceKey))).toMatchObject(deviceMissing);
    expect((await signIn('us-east-1_DevicesMfa', email)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('with DeviceOnlyRememberedOnUserPrompt, asks for MFA on a confirmed device until the user remembers it', async () => {
    const email = await newUser('us-east-1_DevicesPrompt');
    const { tokens, secret } = await enrolTotp('us-east-1_DevicesPrompt', email);
    const { device, confirmed } = await confirm(tokens);
    expect(confirmed).toEqual({ UserConfirmationNecessary: true });
    expect((await client().send(new GetDeviceCommand({ AccessToken: tokens.AccessToken, DeviceKey: device.deviceKey }))).Device!.DeviceAttributes![0]).toEqual({
      Name: 'device_status',
      Value: 'not_remembered',
    });
    const mfa = await signIn('us-east-1_DevicesPrompt', email, device.deviceKey);
    expect(mfa.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = await respond('us-east-1_DevicesPrompt', 'SOFTWARE_TOKEN_MFA', mfa.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now()) });
    expect(done.AuthenticationResult!.AccessToken).toBeDefined();

    await client().send(new UpdateDeviceStatusCommand({ AccessToken: tokens.AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'remembered' }));
    expect(decodePayload((await deviceSignIn('us-east-1_DevicesPrompt', email, device)).AccessToken!).device_key).toBe(device.deviceKey);
  });

  it('without ChallengeRequiredOnNewDevice, a remembered device does not replace MFA but still proves itself after it', async () => {
    const email = await newUser('us-east-1_DevicesMfaFirst');
    const { tokens, secret } = await enrolTotp('us-east-1_DevicesMfaFirst', email);
    const { device } = await confirm(tokens);
    const mfa = await signIn('us-east-1_DevicesMfaFirst', email, device.deviceKey);
    expect(mfa.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const afterMfa = await respond('us-east-1_DevicesMfaFirst', 'SOFTWARE_TOKEN_MFA', mfa.Session, { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(secret, clock.now()) });
    const { srp, verifier } = await startDeviceSrp('us-east-1_DevicesMfaFirst', email, device, afterMfa);
    const answer = await srp.answer(verifier.ChallengeParameters!, srpTimestamp(clock.now()));
    const done = await respond('us-east-1_DevicesMfaFirst', 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: verifier.ChallengeParameters!.USERNAME!, ...answer });
    expect(done.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();
    expect(decodePayload(done.AuthenticationResult!.AccessToken!).device_key).toBe(device.deviceKey);
  });
});

describe.each(dialects)('remembered devices with aws-amplify v6, unchanged (%s)', (dialect) => {
  let server: RunningServer;
  // Amplify names the device after navigator.userAgent, which Node 20 does not have.
  (globalThis as { navigator?: unknown }).navigator ??= { userAgent: 'vitest' };

  beforeAll(async () => {
    server = await startTestServer(dialect, { config });
    Amplify.configure({ Auth: { Cognito: { userPoolId: 'us-east-1_Devices', userPoolClientId: 'devices', userPoolEndpoint: server.url } } });
  });
  afterAll(async () => {
    await signOut();
    await server.close();
  });

  it.each(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const)('confirms the device after %s, signs in with it, and drops a forgotten one', async (authFlowType) => {
    const email = uniqueEmail('amplify');
    await signUp({ username: email, password: testPassword, options: { userAttributes: { email } } });
    await confirmSignUp({ username: email, confirmationCode: await latestCode(server, email) });
    const deviceKey = async () => (await fetchAuthSession()).tokens!.accessToken.payload.device_key;

    await amplifySignIn({ username: email, password: testPassword, options: { authFlowType } });
    const first = await deviceKey();
    expect(await fetchDevices()).toEqual([expect.objectContaining({ id: first, name: 'vitest', attributes: { device_status: 'remembered', device_name: 'vitest' } })]);
    await signOut();
    // Only device SRP yields tokens for the same device again.
    expect(await amplifySignIn({ username: email, password: testPassword, options: { authFlowType } })).toMatchObject({ isSignedIn: true });
    expect(await deviceKey()).toBe(first);
    expect((await fetchAuthSession({ forceRefresh: true })).tokens!.accessToken.payload.device_key).toBe(first);

    // Forgotten behind Amplify's back: it drops the key on "Device does not exist." and signs in on a new device.
    await sdkClient(server).send(new AdminForgetDeviceCommand({ UserPoolId: 'us-east-1_Devices', Username: email, DeviceKey: first as string }));
    await signOut();
    expect(await amplifySignIn({ username: email, password: testPassword, options: { authFlowType } })).toMatchObject({ isSignedIn: true });
    const second = await deviceKey();
    expect(second).not.toBe(first);
    await forgetDevice();
    expect(await fetchDevices()).toEqual([]);
    await signOut();
  });
});
