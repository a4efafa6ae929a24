// Choice-based sign-in (InitiateAuth USER_AUTH) through the AWS SDK: what goes over the wire, the
// first factors a pool and a user allow, one-time passwords by email and SMS, and the refusals.
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  UpdateUserPoolCommand,
  type ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { decodePayload, latestCode, rejection, sdkClient, testPassword, uniqueEmail, uniquePhone } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { srpClient, srpTimestamp } from '../support/srp-client.js';

const poolId = 'us-east-1_UserAuthPool';
const passwordOnlyPoolId = 'us-east-1_UserAuthPwOnly';
const flows: Array<'ALLOW_USER_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH'> = ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'user-auth',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } },
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: {},
      EmailMfaConfiguration: {},
      Clients: [
        { ClientId: 'userauthclient1', ClientName: 'user-auth', ExplicitAuthFlows: flows },
        { ClientId: 'userauthlegacy1', ClientName: 'user-auth-legacy', PreventUserExistenceErrors: 'LEGACY', ExplicitAuthFlows: flows },
        { ClientId: 'srpclient1', ClientName: 'srp-only', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
      ],
    },
    {
      Id: passwordOnlyPoolId,
      PoolName: 'user-auth-password-only',
      UsernameAttributes: ['email'],
      Clients: [{ ClientId: 'pwonlyclient1', ClientName: 'password-only', ExplicitAuthFlows: flows }],
    },
  ],
};

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };
const codeMismatch = { name: 'CodeMismatchException', message: 'Invalid code received for user' };

describe.each(dialects)('USER_AUTH choice-based sign-in through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(() => server.close());


  /** A confirmed user with a verified email and phone number; returns its sub. */
  async function createUser(email: string, phone: string, UserPoolId = poolId): Promise<string> {
    const { User } = await client().send(
      new AdminCreateUserCommand({
        UserPoolId,
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
    await client().send(new AdminSetUserPasswordCommand({ UserPoolId, Username: email, Password: testPassword, Permanent: true }));
    return User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
  }

  const userAuth = (USERNAME: string, extra: Record<string, string> = {}, ClientId = 'userauthclient1') =>
    client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME, ...extra } }));
  const respond = (ChallengeName: ChallengeNameType, Session: string | undefined, ChallengeResponses: Record<string, string>, ClientId = 'userauthclient1') =>
    client().send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName, Session, ChallengeResponses }));
  /** The response without the SDK's $metadata: what the server answered. */
  const body = <T extends { $metadata?: unknown }>({ $metadata: _, ...rest }: T) => rest;
  const subOf = (result: { AuthenticationResult?: { IdToken?: string } }) => decodePayload(result.AuthenticationResult!.IdToken!).sub;
  const outboxCount = async (to: string) => (await server.context.db.selectFrom('outbox').select('id').where('recipient', '=', to).execute()).length;

  it('without PREFERRED_CHALLENGE answers SELECT_CHALLENGE with AvailableChallenges; ANSWER EMAIL_OTP sends a code, a wrong one is CodeMismatchException, the right one gives tokens, and each Session works once', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    const started = await userAuth(email);
    expect(body(started)).toEqual({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: expect.any(String),
      ChallengeParameters: {},
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'],
    });

    const challenged = await respond('SELECT_CHALLENGE', started.Session, { USERNAME: email, ANSWER: 'EMAIL_OTP' });
    expect(body(challenged)).toEqual({
      ChallengeName: 'EMAIL_OTP',
      Session: expect.any(String),
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'u***@e***' },
    });
    expect(await rejection(respond('SELECT_CHALLENGE', started.Session, { USERNAME: email, ANSWER: 'EMAIL_OTP' }))).toMatchObject(sessionExpired);

    const code = await latestCode(server, email);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await rejection(respond('EMAIL_OTP', challenged.Session, { USERNAME: email, EMAIL_OTP_CODE: wrong }))).toMatchObject(codeMismatch);
    const signedIn = await respond('EMAIL_OTP', challenged.Session, { USERNAME: email, EMAIL_OTP_CODE: code });
    expect(signedIn.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600, RefreshToken: expect.any(String) });
    expect(subOf(signedIn)).toBe(sub);
    expect(await rejection(respond('EMAIL_OTP', challenged.Session, { USERNAME: email, EMAIL_OTP_CODE: code }))).toMatchObject(sessionExpired);
  });

  it('PREFERRED_CHALLENGE SMS_OTP texts a code straight away, answered with SMS_OTP_CODE', async () => {
    const email = uniqueEmail();
    const phone = uniquePhone();
    const sub = await createUser(email, phone);
    const challenged = await userAuth(email, { PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(body(challenged)).toEqual({
      ChallengeName: 'SMS_OTP',
      Session: expect.any(String),
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: `+*******${phone.slice(-4)}` },
    });
    const signedIn = await respond('SMS_OTP', challenged.Session, { USERNAME: email, SMS_OTP_CODE: await latestCode(server, phone) });
    expect(subOf(signedIn)).toBe(sub);
  });

  it('a one-time password lives as long as the sign-in session (AuthSessionValidity, 3 minutes), and five wrong answers spend it', async () => {
    const email = uniqueEmail();
    await createUser(email, uniquePhone());
    const expiring = await userAuth(email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    const expiringCode = await latestCode(server, email);
    clock.advance(3 * 60_000 + 1);
    expect(await rejection(respond('EMAIL_OTP', expiring.Session, { USERNAME: email, EMAIL_OTP_CODE: expiringCode }))).toMatchObject(sessionExpired);

    const guessed = await userAuth(email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    const code = await latestCode(server, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(await rejection(respond('EMAIL_OTP', guessed.Session, { USERNAME: email, EMAIL_OTP_CODE: wrong }))).toMatchObject(codeMismatch);
    expect(await rejection(respond('EMAIL_OTP', guessed.Session, { USERNAME: email, EMAIL_OTP_CODE: code }))).toMatchObject(sessionExpired);
  });

  it('PASSWORD and PASSWORD_SRP, preferred or chosen at SELECT_CHALLENGE, sign in with the password', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    expect(subOf(await userAuth(email, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: testPassword }))).toBe(sub);
    expect(await rejection(userAuth(email, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-password-1' }))).toMatchObject(incorrect);

    const srp = await srpClient(poolId);
    const verifier = await userAuth(email, { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.SRP_A });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const proof = await srp.answer(verifier.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    expect(subOf(await respond('PASSWORD_VERIFIER', verifier.Session, proof))).toBe(sub);

    const selecting = await userAuth(email);
    expect(await rejection(respond('SELECT_CHALLENGE', selecting.Session, { USERNAME: email, ANSWER: 'PASSWORD' }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
    expect(subOf(await respond('SELECT_CHALLENGE', selecting.Session, { USERNAME: email, ANSWER: 'PASSWORD', PASSWORD: testPassword }))).toBe(sub);

    const srpSelected = await srpClient(poolId);
    const selectingSrp = await userAuth(email);
    const srpVerifier = await respond('SELECT_CHALLENGE', selectingSrp.Session, { USERNAME: email, ANSWER: 'PASSWORD_SRP', SRP_A: srpSelected.SRP_A });
    expect(srpVerifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const srpProof = await srpSelected.answer(srpVerifier.ChallengeParameters!, testPassword, srpTimestamp(clock.now()));
    expect(subOf(await respond('PASSWORD_VERIFIER', srpVerifier.Session, srpProof))).toBe(sub);
  });

  it('a user with MFA is offered only the password, which goes on to the MFA challenge', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    await client().send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: email, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const started = await userAuth(email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(started).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'] });
    expect(await rejection(respond('SELECT_CHALLENGE', started.Session, { USERNAME: email, ANSWER: 'EMAIL_OTP' }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'ANSWER must be one of ["PASSWORD","PASSWORD_SRP"].',
    });
    const mfa = await respond('SELECT_CHALLENGE', started.Session, { USERNAME: email, ANSWER: 'PASSWORD', PASSWORD: testPassword });
    expect(mfa).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'u***@e***' } });
    expect(subOf(await respond('EMAIL_OTP', mfa.Session, { USERNAME: email, EMAIL_OTP_CODE: await latestCode(server, email) }))).toBe(sub);
  });

  it('offers only what the pool SignInPolicy allows: a preferred one-time password it does not allow falls back to SELECT_CHALLENGE, as does WEB_AUTHN', async () => {
    const email = uniqueEmail();
    await createUser(email, uniquePhone(), passwordOnlyPoolId);
    const started = await userAuth(email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' }, 'pwonlyclient1');
    expect(body(started)).toEqual({ ChallengeName: 'SELECT_CHALLENGE', Session: expect.any(String), ChallengeParameters: {}, AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'] });
    expect(await outboxCount(email)).toBe(0);
    expect(await rejection(respond('SELECT_CHALLENGE', started.Session, { USERNAME: email, ANSWER: 'EMAIL_OTP' }, 'pwonlyclient1'))).toMatchObject({ name: 'InvalidParameterException' });

    expect(await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' }, 'pwonlyclient1')).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'] });
    expect(await rejection(userAuth(email, { PREFERRED_CHALLENGE: 'TOTP' }, 'pwonlyclient1'))).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid PREFERRED_CHALLENGE: TOTP' });
  });

  it('refuses USER_AUTH from a client without ALLOW_USER_AUTH', async () => {
    expect(await rejection(userAuth(uniqueEmail(), {}, 'srpclient1'))).toMatchObject({ name: 'InvalidParameterException', message: 'USER_AUTH flow not enabled for this client' });
  });

  it('hides an unknown user behind PreventUserExistenceErrors: the pool factors, a one-time password challenge that sends nothing and takes no code; LEGACY says the user does not exist', async () => {
    const ghost = uniqueEmail();
    expect(await userAuth(ghost)).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'] });
    const challenged = await userAuth(ghost, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(body(challenged)).toEqual({
      ChallengeName: 'EMAIL_OTP',
      Session: expect.any(String),
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'u***@e***' },
    });
    expect(await outboxCount(ghost)).toBe(0);
    expect(await rejection(respond('EMAIL_OTP', challenged.Session, { USERNAME: ghost, EMAIL_OTP_CODE: '123456' }))).toMatchObject(codeMismatch);
    const sms = await userAuth(ghost, { PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(sms.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: (await userAuth(ghost, { PREFERRED_CHALLENGE: 'SMS_OTP' })).ChallengeParameters!.CODE_DELIVERY_DESTINATION });
    expect(await rejection(userAuth(ghost, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: testPassword }))).toMatchObject(incorrect);

    const notFound = { name: 'UserNotFoundException', message: 'User does not exist.' };
    expect(await rejection(userAuth(ghost, {}, 'userauthlegacy1'))).toMatchObject(notFound);
    expect(await rejection(userAuth(ghost, { PREFERRED_CHALLENGE: 'EMAIL_OTP' }, 'userauthlegacy1'))).toMatchObject(notFound);
  });

  it('a locked-out user cannot start a one-time password sign-in either', async () => {
    const email = uniqueEmail();
    await createUser(email, uniquePhone());
    for (let i = 0; i < 5; i++) expect(await rejection(userAuth(email, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-password-1' }))).toMatchObject(incorrect);
    expect(await rejection(userAuth(email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' }))).toMatchObject({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    expect(await outboxCount(email)).toBe(0);
    clock.advance(1001);
  });

  it('AdminInitiateAuth takes USER_AUTH too', async () => {
    const email = uniqueEmail();
    const sub = await createUser(email, uniquePhone());
    const challenged = await client().send(
      new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: 'userauthclient1', AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
    );
    expect(challenged.ChallengeName).toBe('EMAIL_OTP');
    expect(subOf(await respond('EMAIL_OTP', challenged.Session, { USERNAME: email, EMAIL_OTP_CODE: await latestCode(server, email) }))).toBe(sub);
  });

  it('keeps SignInPolicy from the config file, CreateUserPool and UpdateUserPool, and refuses a policy without PASSWORD or with SOFTWARE_TOKEN', async () => {
    const configured = await client().send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(configured.UserPool!.Policies!.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] });

    const { UserPool } = await client().send(new CreateUserPoolCommand({ PoolName: `p-${randomUUID().slice(0, 8)}`, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } } }));
    expect(UserPool!.Policies!.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
    await client().send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'] } } }));
    expect((await client().send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }))).UserPool!.Policies!.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'] });
    await client().send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id }));
    expect((await client().send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }))).UserPool!.Policies!.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD'] });

    expect(await rejection(client().send(new CreateUserPoolCommand({ PoolName: 'no-password', Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['EMAIL_OTP'] } } })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Policies.SignInPolicy.AllowedFirstAuthFactors: must include PASSWORD',
    });
    expect(
      await rejection(client().send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'SOFTWARE_TOKEN'] } } }))),
    ).toMatchObject({ name: 'InvalidParameterException', message: 'Policies.SignInPolicy.AllowedFirstAuthFactors: SOFTWARE_TOKEN is not supported as a first authentication factor' });
  });
});
