// Passkeys through the AWS SDK: registration (StartWebAuthnRegistration, CompleteWebAuthnRegistration),
// listing and deleting them, and USER_AUTH sign-in with the WEB_AUTHN challenge, driven by a software
// authenticator; every check a browser's answer must pass, and each refusal by the name Cognito gives it.
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
  type ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { decodePayload, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';
import { SoftwareAuthenticator, type CeremonyOverrides, type CreationOptions, type RequestOptions } from '../support/software-authenticator.js';

const poolId = 'us-east-1_PasskeyPool';
const strictPoolId = 'us-east-1_PasskeyStrict';
const noPasskeyPoolId = 'us-east-1_PasskeyOff';
const mfaPoolId = 'us-east-1_PasskeyMfa';
const flows: Array<'ALLOW_USER_AUTH' | 'ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH' | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'> = [
  'ALLOW_USER_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
];

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'passkeys',
      UsernameAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      Clients: [
        { ClientId: 'passkeyclient1', ClientName: 'passkeys', ExplicitAuthFlows: flows },
        { ClientId: 'passkeyclient2', ClientName: 'passkeys-other', ExplicitAuthFlows: flows },
      ],
    },
    {
      Id: strictPoolId,
      PoolName: 'passkeys-strict',
      UsernameAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      WebAuthnConfiguration: { RelyingPartyId: 'auth.example.com', UserVerification: 'required' },
      Clients: [{ ClientId: 'strictclient1', ClientName: 'strict', ExplicitAuthFlows: flows }],
    },
    {
      Id: mfaPoolId,
      PoolName: 'passkeys-mfa',
      UsernameAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: {},
      Clients: [{ ClientId: 'mfaclient1', ClientName: 'mfa', ExplicitAuthFlows: flows }],
    },
    {
      Id: noPasskeyPoolId,
      PoolName: 'passkeys-off',
      UsernameAttributes: ['email'],
      Clients: [{ ClientId: 'offclient1', ClientName: 'off', ExplicitAuthFlows: flows }],
    },
  ],
};

const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };
const refused = { name: 'NotAuthorizedException', message: 'Invalid WebAuthn credential.', status: 400 };
const challengeNotFound = { name: 'WebAuthnChallengeNotFoundException', status: 400 };

describe.each(dialects)('passkeys through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(() => server.close());

  const body = <T extends { $metadata?: unknown }>({ $metadata: _, ...rest }: T) => rest;

  /** A confirmed user with a password and a verified phone number; returns its sub. */
  async function createUser(email: string, UserPoolId = poolId): Promise<string> {
    const UserAttributes = [
      { Name: 'email', Value: email },
      { Name: 'phone_number', Value: '+15555550100' },
      { Name: 'phone_number_verified', Value: 'true' },
    ];
    const { User } = await client().send(new AdminCreateUserCommand({ UserPoolId, Username: email, MessageAction: 'SUPPRESS', UserAttributes }));
    await client().send(new AdminSetUserPasswordCommand({ UserPoolId, Username: email, Password: testPassword, Permanent: true }));
    return User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
  }

  async function accessToken(email: string, ClientId = 'passkeyclient1'): Promise<string> {
    const { AuthenticationResult } = await client().send(
      new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: testPassword } }),
    );
    return AuthenticationResult!.AccessToken!;
  }

  const start = async (AccessToken: string) => (await client().send(new StartWebAuthnRegistrationCommand({ AccessToken }))).CredentialCreationOptions as unknown as CreationOptions;
  const complete = (AccessToken: string, Credential: object) => client().send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: Credential as never }));
  const list = (AccessToken: string, MaxResults?: number, NextToken?: string) => client().send(new ListWebAuthnCredentialsCommand({ AccessToken, MaxResults, NextToken }));

  /** Registers one passkey on the authenticator; returns its credential id. */
  async function register(authenticator: SoftwareAuthenticator, token: string): Promise<string> {
    const credential = authenticator.create(await start(token));
    await complete(token, credential);
    return credential.id;
  }

  /** A user with one passkey: its email, sub, access token, authenticator and credential id. */
  async function userWithPasskey() {
    const email = uniqueEmail('passkey');
    const sub = await createUser(email);
    const token = await accessToken(email);
    const authenticator = new SoftwareAuthenticator();
    const credentialId = await register(authenticator, token);
    return { email, sub, token, authenticator, credentialId };
  }

  const userAuth = (USERNAME: string, extra: Record<string, string> = {}, ClientId = 'passkeyclient1') =>
    client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME, ...extra } }));
  const respond = (ChallengeName: ChallengeNameType, Session: string | undefined, ChallengeResponses: Record<string, string>, ClientId = 'passkeyclient1') =>
    client().send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName, Session, ChallengeResponses }));
  const requestOptions = (result: { ChallengeParameters?: Record<string, string> }) => JSON.parse(result.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as RequestOptions;

  /** Starts a WEB_AUTHN sign-in and answers it with the authenticator's assertion. */
  async function passkeySignIn(email: string, authenticator: SoftwareAuthenticator, credentialId: string, overrides: CeremonyOverrides = {}) {
    const challenged = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    const assertion = authenticator.get(requestOptions(challenged), credentialId, overrides);
    return respond('WEB_AUTHN', challenged.Session, { USERNAME: email, CREDENTIAL: JSON.stringify(assertion) });
  }

  it('StartWebAuthnRegistration answers creation options for the user; CompleteWebAuthnRegistration stores the passkey, which ListWebAuthnCredentials shows and the next registration excludes', async () => {
    const email = uniqueEmail('passkey');
    const sub = await createUser(email);
    const token = await accessToken(email);
    const options = await start(token);
    expect(options).toEqual({
      rp: { id: 'localhost', name: 'passkeys' },
      user: { id: Buffer.from(sub).toString('base64url'), name: sub, displayName: '' },
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: 60000,
      excludeCredentials: [],
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'preferred' },
    });
    const authenticator = new SoftwareAuthenticator('http://localhost:5173');
    const credential = authenticator.create(options);
    expect(body(await complete(token, credential))).toEqual({});

    const listed = await list(token);
    expect(body(listed)).toEqual({
      Credentials: [
        {
          CredentialId: credential.id,
          FriendlyCredentialName: 'localhost',
          RelyingPartyId: 'localhost',
          AuthenticatorAttachment: 'platform',
          AuthenticatorTransports: ['internal', 'hybrid'],
          CreatedAt: new Date(clock.now()),
        },
      ],
    });
    expect((await start(token)).excludeCredentials).toEqual([{ type: 'public-key', id: credential.id }]);
  });

  it('a registration challenge is spent by its completion and expires after five minutes', async () => {
    const email = uniqueEmail('passkey');
    await createUser(email);
    const token = await accessToken(email);
    const authenticator = new SoftwareAuthenticator();
    const credential = authenticator.create(await start(token));
    await complete(token, credential);
    expect(await rejection(complete(token, credential))).toMatchObject(challengeNotFound);

    const late = authenticator.create(await start(token));
    clock.advance(5 * 60_000 + 1);
    expect(await rejection(complete(token, late))).toMatchObject(challengeNotFound);
    expect((await list(token)).Credentials).toHaveLength(1);
  });

  it('refuses a registration from an origin the relying party does not own, for another relying party, of another app client, or without a passkey to answer', async () => {
    const email = uniqueEmail('passkey');
    await createUser(email);
    const token = await accessToken(email);
    const authenticator = new SoftwareAuthenticator();

    const fromElsewhere = authenticator.create(await start(token), { origin: 'https://evil.example' });
    expect(await rejection(complete(token, fromElsewhere))).toMatchObject({ name: 'WebAuthnOriginNotAllowedException', status: 400 });
    const plainHttp = authenticator.create(await start(token), { origin: 'http://localhost.evil.example:5173' });
    expect(await rejection(complete(token, plainHttp))).toMatchObject({ name: 'WebAuthnOriginNotAllowedException' });

    const otherRp = authenticator.create(await start(token), { rpId: 'example.com' });
    expect(await rejection(complete(token, otherRp))).toMatchObject({ name: 'WebAuthnRelyingPartyMismatchException', status: 400 });

    const fromOtherClient = authenticator.create(await start(await accessToken(email, 'passkeyclient2')));
    expect(await rejection(complete(token, fromOtherClient))).toMatchObject({ name: 'WebAuthnClientMismatchException', status: 400 });

    const wrongChallenge = authenticator.create(await start(token), { challenge: 'AAAA' });
    expect(await rejection(complete(token, wrongChallenge))).toMatchObject(challengeNotFound);

    expect(await rejection(complete(token, { id: 'x', rawId: 'x', type: 'public-key', response: {} }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect((await list(token)).Credentials).toEqual([]);
  });

  it('USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN asks for an assertion of the user’s passkeys and signs in with it; the session and its challenge are good once', async () => {
    const { email, sub, authenticator, credentialId } = await userWithPasskey();
    const challenged = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    expect(body(challenged)).toEqual({ ChallengeName: 'WEB_AUTHN', Session: expect.any(String), ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: expect.any(String) } });
    expect(requestOptions(challenged)).toEqual({
      hints: [],
      attestation: 'none',
      attestationFormats: [],
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      timeout: 180000,
      rpId: 'localhost',
      allowCredentials: [{ id: credentialId, type: 'public-key', transports: ['internal', 'hybrid'] }],
      userVerification: 'preferred',
    });
    const assertion = JSON.stringify(authenticator.get(requestOptions(challenged), credentialId));
    const signedIn = await respond('WEB_AUTHN', challenged.Session, { USERNAME: email, CREDENTIAL: assertion });
    expect(body(signedIn)).toEqual({
      ChallengeParameters: {},
      AuthenticationResult: { AccessToken: expect.any(String), IdToken: expect.any(String), RefreshToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' },
    });
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);

    expect(await rejection(respond('WEB_AUTHN', challenged.Session, { USERNAME: email, CREDENTIAL: assertion }))).toMatchObject(sessionExpired);
    const again = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    expect(await rejection(respond('WEB_AUTHN', again.Session, { USERNAME: email, CREDENTIAL: assertion }))).toMatchObject(challengeNotFound);
  });

  it('SELECT_CHALLENGE lists WEB_AUTHN for a user with a passkey, and ANSWER WEB_AUTHN leads to the same sign-in', async () => {
    const { email, sub, authenticator, credentialId } = await userWithPasskey();
    const started = await userAuth(email);
    expect(body(started)).toEqual({ ChallengeName: 'SELECT_CHALLENGE', Session: expect.any(String), ChallengeParameters: {}, AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'] });
    const challenged = await respond('SELECT_CHALLENGE', started.Session, { USERNAME: email, ANSWER: 'WEB_AUTHN' });
    expect(challenged.ChallengeName).toBe('WEB_AUTHN');
    const signedIn = await respond('WEB_AUTHN', challenged.Session, { USERNAME: email, CREDENTIAL: JSON.stringify(authenticator.get(requestOptions(challenged), credentialId)) });
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);

    const passwordOnly = uniqueEmail('passkey');
    await createUser(passwordOnly);
    expect((await userAuth(passwordOnly)).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    expect((await userAuth(passwordOnly, { PREFERRED_CHALLENGE: 'WEB_AUTHN' })).ChallengeName).toBe('SELECT_CHALLENGE');
  });

  it('a prompt given up on: the WEB_AUTHN session takes another factor by SELECT_CHALLENGE, as Amplify sends it', async () => {
    const { email, sub } = await userWithPasskey();
    const challenged = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    const signedIn = await respond('SELECT_CHALLENGE', challenged.Session, { USERNAME: email, ANSWER: 'PASSWORD', PASSWORD: testPassword });
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);
  });

  it('refuses an assertion from another origin, for another relying party, by another user’s passkey, by a deleted passkey, or with a counter gone backwards', async () => {
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();

    expect(await rejection(passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { origin: 'https://evil.example' }))).toMatchObject({ name: 'WebAuthnOriginNotAllowedException' });
    expect(await rejection(passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { rpId: 'evil.example' }))).toMatchObject({ name: 'WebAuthnRelyingPartyMismatchException' });
    expect(await rejection(passkeySignIn(alice.email, bob.authenticator, bob.credentialId))).toMatchObject(refused);
    expect(await rejection(passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { type: 'webauthn.create' }))).toMatchObject({ name: 'WebAuthnCredentialNotSupportedException' });

    expect((await passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { counter: 10 })).AuthenticationResult).toBeDefined();
    expect(await rejection(passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { counter: 9 }))).toMatchObject(refused);
    expect(await rejection(passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { counter: 10 }))).toMatchObject(refused);
    expect((await passkeySignIn(alice.email, alice.authenticator, alice.credentialId, { counter: 11 })).AuthenticationResult).toBeDefined();

    const challenged = await userAuth(bob.email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    expect(body(await client().send(new DeleteWebAuthnCredentialCommand({ AccessToken: bob.token, CredentialId: bob.credentialId })))).toEqual({});
    const assertion = JSON.stringify(bob.authenticator.get(requestOptions(challenged), bob.credentialId));
    expect(await rejection(respond('WEB_AUTHN', challenged.Session, { USERNAME: bob.email, CREDENTIAL: assertion }))).toMatchObject(refused);
    expect((await list(bob.token)).Credentials).toEqual([]);
    expect((await userAuth(bob.email)).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    expect(await rejection(client().send(new DeleteWebAuthnCredentialCommand({ AccessToken: bob.token, CredentialId: bob.credentialId })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 400,
    });

    const garbled = await userAuth(alice.email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    expect(await rejection(respond('WEB_AUTHN', garbled.Session, { USERNAME: alice.email, CREDENTIAL: '{not json' }))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  it('ListWebAuthnCredentials pages with MaxResults and NextToken, oldest first', async () => {
    const { token, authenticator, credentialId } = await userWithPasskey();
    clock.advance(1000);
    const second = await register(authenticator, token);
    clock.advance(1000);
    const third = await register(authenticator, token);
    const first = await list(token, 2);
    expect(first.Credentials!.map((c) => c.CredentialId)).toEqual([credentialId, second]);
    expect(first.NextToken).toEqual(expect.any(String));
    const rest = await list(token, 2, first.NextToken);
    expect(body(rest)).toEqual({ Credentials: [expect.objectContaining({ CredentialId: third })] });
    expect(await rejection(list(token, 2, 'not-a-token'))).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('a pool whose SignInPolicy leaves out WEB_AUTHN refuses passkey registration with WebAuthnNotEnabledException', async () => {
    const email = uniqueEmail('passkey');
    await createUser(email, noPasskeyPoolId);
    const token = await accessToken(email, 'offclient1');
    expect(await rejection(start(token))).toMatchObject({ name: 'WebAuthnNotEnabledException', status: 400 });
    expect(await rejection(complete(token, new SoftwareAuthenticator().create({ challenge: 'AAAA', rp: { id: 'localhost', name: 'x' }, user: { id: 'AA', name: 'x', displayName: '' } })))).toMatchObject({
      name: 'WebAuthnNotEnabledException',
    });
  });

  it('WebAuthnConfiguration from the config file or SetUserPoolMfaConfig: the relying party, its https origins and subdomains, and required user verification', async () => {
    expect(body(await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: strictPoolId })))).toEqual({
      MfaConfiguration: 'OFF',
      WebAuthnConfiguration: { RelyingPartyId: 'auth.example.com', UserVerification: 'required' },
    });
    const email = uniqueEmail('passkey');
    await createUser(email, strictPoolId);
    const token = await accessToken(email, 'strictclient1');
    const authenticator = new SoftwareAuthenticator('https://login.auth.example.com');
    const options = await start(token);
    expect(options.rp).toEqual({ id: 'auth.example.com', name: 'passkeys-strict' });
    expect(options.authenticatorSelection).toEqual({ requireResidentKey: true, residentKey: 'required', userVerification: 'required' });
    expect(await rejection(complete(token, authenticator.create(options, { userVerified: false })))).toMatchObject({ name: 'WebAuthnCredentialNotSupportedException' });
    expect(await rejection(complete(token, authenticator.create(await start(token), { origin: 'http://localhost:5173' })))).toMatchObject({
      name: 'WebAuthnOriginNotAllowedException',
    });
    const credential = authenticator.create(await start(token));
    await complete(token, credential);

    const challenged = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' }, 'strictclient1');
    expect(requestOptions(challenged)).toMatchObject({ rpId: 'auth.example.com', userVerification: 'required' });
    const unverified = JSON.stringify(authenticator.get(requestOptions(challenged), credential.id, { userVerified: false }));
    expect(await rejection(respond('WEB_AUTHN', challenged.Session, { USERNAME: email, CREDENTIAL: unverified }, 'strictclient1'))).toMatchObject(refused);

    const set = await client().send(new SetUserPoolMfaConfigCommand({ UserPoolId: strictPoolId, WebAuthnConfiguration: { RelyingPartyId: 'example.org', UserVerification: 'preferred' } }));
    expect(set.WebAuthnConfiguration).toEqual({ RelyingPartyId: 'example.org', UserVerification: 'preferred' });
    expect((await start(token)).rp).toEqual({ id: 'example.org', name: 'passkeys-strict' });
    // A passkey belongs to the relying party it was made for: it is not offered for another.
    expect((await userAuth(email, {}, 'strictclient1')).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    expect(
      await rejection(client().send(new SetUserPoolMfaConfigCommand({ UserPoolId: strictPoolId, WebAuthnConfiguration: { RelyingPartyId: 'https://example.org/' } }))),
    ).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });
  it('hides an unknown user: it is offered what a user without a passkey is, and a preferred WEB_AUTHN falls back to SELECT_CHALLENGE', async () => {
    const ghost = uniqueEmail('passkey');
    expect(body(await userAuth(ghost, { PREFERRED_CHALLENGE: 'WEB_AUTHN' }))).toEqual({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: expect.any(String),
      ChallengeParameters: {},
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    });
  });

  it('AdminInitiateAuth USER_AUTH and AdminRespondToAuthChallenge sign in with a passkey too', async () => {
    const { email, sub, authenticator, credentialId } = await userWithPasskey();
    const challenged = await client().send(
      new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: 'passkeyclient1', AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'WEB_AUTHN' } }),
    );
    expect(challenged.ChallengeName).toBe('WEB_AUTHN');
    const signedIn = await client().send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: 'passkeyclient1',
        ChallengeName: 'WEB_AUTHN',
        Session: challenged.Session,
        ChallengeResponses: { USERNAME: email, CREDENTIAL: JSON.stringify(authenticator.get(requestOptions(challenged), credentialId)) },
      }),
    );
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);
  });

  it('a user with MFA is not offered a passkey, unless the pool counts a verified passkey as MFA (FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION)', async () => {
    const email = uniqueEmail('passkey');
    const sub = await createUser(email, mfaPoolId);
    const token = await accessToken(email, 'mfaclient1');
    const authenticator = new SoftwareAuthenticator();
    const credentialId = await register(authenticator, token);
    await client().send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: mfaPoolId, Username: email, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    expect((await userAuth(email, {}, 'mfaclient1')).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);

    await client().send(new SetUserPoolMfaConfigCommand({ UserPoolId: mfaPoolId, WebAuthnConfiguration: { FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' } }));
    expect((await userAuth(email, {}, 'mfaclient1')).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN']);
    const challenged = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' }, 'mfaclient1');
    expect(requestOptions(challenged).userVerification).toBe('required');
    const unverified = JSON.stringify(authenticator.get(requestOptions(challenged), credentialId, { userVerified: false }));
    expect(await rejection(respond('WEB_AUTHN', challenged.Session, { USERNAME: email, CREDENTIAL: unverified }, 'mfaclient1'))).toMatchObject(refused);
    const again = await userAuth(email, { PREFERRED_CHALLENGE: 'WEB_AUTHN' }, 'mfaclient1');
    const signedIn = await respond('WEB_AUTHN', again.Session, { USERNAME: email, CREDENTIAL: JSON.stringify(authenticator.get(requestOptions(again), credentialId)) }, 'mfaclient1');
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);
  });

  it('deleting the user deletes its passkeys and its registration under way', async () => {
    const { email, sub, token } = await userWithPasskey();
    await start(token);
    await client().send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: email }));
    const left = async (table: 'webauthn_credentials' | 'webauthn_registrations') =>
      (await server.context.db.selectFrom(table).select('sub').where('pool_id', '=', poolId).where('sub', '=', sub).execute()).length;
    expect([await left('webauthn_credentials'), await left('webauthn_registrations')]).toEqual([0, 0]);
  });
  it('refuses to register a passkey the pool already holds, for the same user or another', async () => {
    const { token, authenticator, credentialId } = await userWithPasskey();
    const again = authenticator.create(await start(token), { credentialId });
    expect(await rejection(complete(token, again))).toMatchObject({ name: 'WebAuthnCredentialNotSupportedException', status: 400 });
    const other = uniqueEmail('passkey');
    await createUser(other);
    const otherToken = await accessToken(other);
    const stolen = authenticator.create(await start(otherToken), { credentialId });
    expect(await rejection(complete(otherToken, stolen))).toMatchObject({ name: 'WebAuthnCredentialNotSupportedException', status: 400 });
    expect([(await list(token)).Credentials!.length, (await list(otherToken)).Credentials!.length]).toEqual([1, 0]);
  });
});
