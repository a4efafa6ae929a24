import type { AuthenticationResponseJSON, VerifiedAuthenticationResponse } from '@simplewebauthn/server';
import { fail } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { checkClientData, checkRelyingParty } from '../passkeys/ceremony.js';
import { authenticationResponse } from '../passkeys/credential-shapes.js';
import { webAuthnLibrary } from '../passkeys/library.js';
import { relyingPartyOf, type RelyingParty } from '../passkeys/relying-party.js';
import { passkeyStore } from '../passkeys/store.js';
import { usernameKeyOf } from '../users.js';
import { assertEnabled } from './complete.js';
import { nextStepAfterMfa } from './next-step.js';
import type { AuthResult } from './result.js';
import { endSession, startSession, type OpenSession, type SignInState } from './sessions.js';

/** The passkey refused: Cognito's text for it is unconfirmed. */
const credentialRefused = 'Invalid WebAuthn credential.';

/**
 * The WEB_AUTHN challenge: CREDENTIAL_REQUEST_OPTIONS, PublicKeyCredentialRequestOptionsJSON in the
 * shape Cognito sends (reference §6.3), allowing the user's passkeys for the pool's relying party.
 * Without a user (USER_AUTH offers no passkey to a name that does not exist) it allows none, and no
 * credential answers it.
 */
export async function startPasskeyChallenge(
  context: Context,
  { client, pool }: ClientAndPool,
  user: User | undefined,
  base: Pick<SignInState, 'flow' | 'identifier' | 'deviceKey' | 'choices'>,
): Promise<AuthResult> {
  const rp = relyingPartyOf(pool);
  const passkeys = user ? (await passkeyStore.ofUser(context.db, user)).filter((passkey) => passkey.relyingPartyId === rp.id) : [];
  const challenge = context.random.bytes(32).toString('base64url');
  const session = await startSession(context, client, { ...base, username: user?.username ?? null, challenge: 'WEB_AUTHN', passkeyChallenge: challenge });
  const options = {
    hints: [],
    attestation: 'none',
    attestationFormats: [],
    challenge,
    timeout: client.AuthSessionValidity * 60_000,
    rpId: rp.id,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.id, type: 'public-key', ...(passkey.transports.length ? { transports: passkey.transports } : {}) })),
    userVerification: passkeyUserVerification(rp),
  };
  return { ChallengeName: 'WEB_AUTHN', Session: session, ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) } };
}

/** A passkey that stands in for MFA as well must verify its user; otherwise the pool's setting holds. */
const passkeyUserVerification = (rp: RelyingParty) => (rp.multiFactor ? 'required' : rp.userVerification);

/**
 * WEB_AUTHN: CREDENTIAL, an assertion by one of the user's passkeys over the session's challenge,
 * from an allowed origin, for this relying party, with a signature counter that moved on. A passkey is
 * the whole sign-in, like a one-time password; a remembered device still proves itself after it.
 */
export async function answerPasskeyChallenge(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const { pool, client } = resolved;
  const { state } = session;
  const user = state.username === null ? undefined : await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, state.username));
  assertSecretHash(client, [responses.USERNAME ?? '', ...(user ? [user.username] : [])], responses.SECRET_HASH);
  const credential = parseCredential(responses.CREDENTIAL);
  // The session is spent by any answer: an assertion is tried once against its challenge.
  await endSession(context, session);
  if (!user) return fail('NotAuthorizedException', credentialRefused);
  assertEnabled(user);
  const rp = relyingPartyOf(pool);
  const origin = checkClientData(credential.response.clientDataJSON, { type: 'webauthn.get', challenge: state.passkeyChallenge ?? '', rpId: rp.id });
  checkRelyingParty(Buffer.from(credential.response.authenticatorData, 'base64url'), rp.id);
  const passkey = await passkeyStore.find(context.db, user, credential.id);
  if (!passkey || passkey.relyingPartyId !== rp.id) return fail('NotAuthorizedException', credentialRefused);

  const { verifyAuthenticationResponse } = await webAuthnLibrary();
  let verified: VerifiedAuthenticationResponse;
  try {
    verified = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: state.passkeyChallenge ?? '',
      expectedOrigin: origin,
      expectedRPID: rp.id,
      credential: { id: passkey.id, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.signCount, transports: passkey.transports },
      requireUserVerification: passkeyUserVerification(rp) === 'required',
    });
  } catch {
    return fail('NotAuthorizedException', credentialRefused);
  }
  if (!verified.verified) return fail('NotAuthorizedException', credentialRefused);
  if (!(await passkeyStore.recordUse(context.db, passkey, verified.authenticationInfo.newCounter, context.clock.now()))) {
    return fail('NotAuthorizedException', credentialRefused);
  }
  return nextStepAfterMfa(context, resolved, user, state);
}

function parseCredential(value: string | undefined): AuthenticationResponseJSON {
  if (value === undefined) return fail('InvalidParameterException', 'Missing required parameter CREDENTIAL');
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return fail('InvalidParameterException', 'CREDENTIAL must be a JSON AuthenticationResponseJSON.');
  }
  const parsed = authenticationResponse.safeParse(json);
  return parsed.success ? (parsed.data as AuthenticationResponseJSON) : fail('InvalidParameterException', 'CREDENTIAL must be a JSON AuthenticationResponseJSON.');
}
