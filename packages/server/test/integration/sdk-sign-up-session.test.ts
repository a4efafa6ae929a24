// Sign-in straight after sign-up through the AWS SDK: ConfirmSignUp answers a Session that
// InitiateAuth (or AdminInitiateAuth) USER_AUTH redeems for tokens once, for that user and client,
// within the client's AuthSessionValidity.
import { AdminInitiateAuthCommand, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { decodePayload, latestCode, rejection, sdkClient, testPassword, uniqueEmail } from '../support/sdk.js';
import { ManualClock, startTestServer } from '../support/server.js';

const poolId = 'us-east-1_SignUpSession';
const ClientId = 'signupsession1';
const otherClientId = 'signupsession2';
const passwordClientId = 'signuppassword1';
const passwordPoolClientId = 'passwordpool1';

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'sign-up-session',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      Clients: [
        { ClientId, ClientName: 'sign-up-session', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        { ClientId: otherClientId, ClientName: 'sign-up-session-other', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        { ClientId: passwordClientId, ClientName: 'password-only', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      ],
    },
    {
      Id: 'us-east-1_SignUpPasswordOnly',
      PoolName: 'sign-up-password-only',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Clients: [{ ClientId: passwordPoolClientId, ClientName: 'password-pool', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

describe.each(dialects)('ConfirmSignUp Session and InitiateAuth USER_AUTH through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const clock = new ManualClock();
  const client = () => sdkClient(server);

  beforeAll(async () => {
    server = await startTestServer(dialect, { config, clock });
  });
  afterAll(() => server.close());

  /** The response without the SDK's $metadata: what the server answered. */
  const body = <T extends { $metadata?: unknown }>({ $metadata: _, ...rest }: T) => rest;

  /** Signs up and confirms a user through the given client; returns the user's sub and ConfirmSignUp's answer. */
  async function signUpAndConfirm(email: string, client_id = ClientId) {
    const { UserSub } = await client().send(new SignUpCommand({ ClientId: client_id, Username: email, Password: testPassword, UserAttributes: [{ Name: 'email', Value: email }] }));
    const confirmed = await client().send(new ConfirmSignUpCommand({ ClientId: client_id, Username: email, ConfirmationCode: await latestCode(server, email) }));
    return { sub: UserSub!, confirmed: body(confirmed) };
  }

  const userAuth = (USERNAME: string, Session: string | undefined, client_id = ClientId) =>
    client().send(new InitiateAuthCommand({ ClientId: client_id, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME }, Session }));

  const tokens = {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken: expect.any(String), IdToken: expect.any(String), RefreshToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' },
  };

  it('ConfirmSignUp answers a Session that InitiateAuth USER_AUTH turns into tokens for that user, and only once', async () => {
    const email = uniqueEmail();
    const { sub, confirmed } = await signUpAndConfirm(email);
    expect(confirmed).toEqual({ Session: expect.stringMatching(/^.{20,2048}$/) });

    const signedIn = await userAuth(email, confirmed.Session);
    expect(body(signedIn)).toEqual(tokens);
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!)).toMatchObject({ sub, email, email_verified: true, token_use: 'id', aud: ClientId });
    expect(decodePayload(signedIn.AuthenticationResult!.AccessToken!)).toMatchObject({ sub, token_use: 'access', client_id: ClientId });

    expect(await rejection(userAuth(email, confirmed.Session))).toMatchObject(sessionExpired);
  });

  it('the Session lasts the client AuthSessionValidity (3 minutes) and no longer', async () => {
    const expiring = uniqueEmail();
    const late = await signUpAndConfirm(expiring);
    clock.advance(3 * 60_000 + 1);
    expect(await rejection(userAuth(expiring, late.confirmed.Session))).toMatchObject(sessionExpired);

    const prompt = uniqueEmail();
    const inTime = await signUpAndConfirm(prompt);
    clock.advance(3 * 60_000 - 1000);
    const signedIn = await userAuth(prompt, inTime.confirmed.Session);
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(inTime.sub);
  });

  it('another app client, another user, or a made-up Session is refused, and the Session still works for its own user and client afterwards', async () => {
    const email = uniqueEmail();
    const { sub, confirmed } = await signUpAndConfirm(email);
    const other = uniqueEmail();
    await signUpAndConfirm(other);

    expect(await rejection(userAuth(email, confirmed.Session, otherClientId))).toMatchObject(sessionExpired);
    expect(await rejection(userAuth(other, confirmed.Session))).toMatchObject(sessionExpired);
    expect(await rejection(userAuth(email, 'x'.repeat(64)))).toMatchObject(sessionExpired);

    const signedIn = await userAuth(email, confirmed.Session);
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);
  });

  it('a sign-in session (SELECT_CHALLENGE) is not a sign-up Session', async () => {
    const email = uniqueEmail();
    await signUpAndConfirm(email);
    const selecting = await userAuth(email, undefined);
    expect(selecting).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'] });
    expect(await rejection(userAuth(email, selecting.Session))).toMatchObject(sessionExpired);
  });

  it('AdminInitiateAuth USER_AUTH redeems the Session too', async () => {
    const email = uniqueEmail();
    const { sub, confirmed } = await signUpAndConfirm(email);
    const signedIn = await client().send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session: confirmed.Session }));
    expect(body(signedIn)).toEqual(tokens);
    expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(sub);
  });

  it('a client without ALLOW_USER_AUTH gets no Session from ConfirmSignUp', async () => {
    const { confirmed } = await signUpAndConfirm(uniqueEmail(), passwordClientId);
    expect(confirmed).toEqual({});
  });

  it('in a pool that allows one-time passwords SignUp takes no password, or a blank one, and the Session signs the user in; the password factor then fails', async () => {
    for (const Password of [undefined, '']) {
      const email = uniqueEmail();
      const { UserSub, UserConfirmed } = await client().send(new SignUpCommand({ ClientId, Username: email, Password, UserAttributes: [{ Name: 'email', Value: email }] }));
      expect(UserConfirmed).toBe(false);
      const confirmed = await client().send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await latestCode(server, email) }));
      const signedIn = await userAuth(email, confirmed.Session);
      expect(decodePayload(signedIn.AuthenticationResult!.IdToken!).sub).toBe(UserSub);
      const withPassword = client().send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: testPassword } }));
      expect(await rejection(withPassword)).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    }
  });

  it('a pool that allows only the password as first factor requires one at SignUp', async () => {
    const email = uniqueEmail();
    for (const Password of [undefined, '']) {
      const refused = client().send(new SignUpCommand({ ClientId: passwordPoolClientId, Username: email, Password, UserAttributes: [{ Name: 'email', Value: email }] }));
      expect(await rejection(refused)).toMatchObject({ name: 'InvalidParameterException', message: 'Password is required for this user pool.' });
    }
  });
});
