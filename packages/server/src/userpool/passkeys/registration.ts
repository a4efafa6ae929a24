import type { RegistrationResponseJSON, VerifiedRegistrationResponse } from '@simplewebauthn/server';
import { fail } from '../../errors.js';
import { userForAccessToken } from '../access-token-user.js';
import { allowedFirstAuthFactors } from '../auth/first-factors.js';
import type { Context } from '../context.js';
import type { UserPoolSettings } from '../pool.js';
import { checkClientData, checkRelyingParty, registrationAuthenticatorData } from './ceremony.js';
import { webAuthnLibrary } from './library.js';
import { relyingPartyOf } from './relying-party.js';
import { passkeyStore, registrationStore } from './store.js';

/** ES256 and RS256, the algorithms Cognito's creation options list (reference §2.6). */
export const supportedAlgorithms = [-7, -257];
/** How many passkeys one user may hold (Cognito's quota; unconfirmed). */
export const maxPasskeysPerUser = 20;
/** What the creation options tell the browser; the challenge itself stays good a little longer. */
const creationTimeoutMs = 60_000;
const registrationValidityMs = 5 * 60_000;

export function assertPasskeysEnabled(pool: UserPoolSettings): void {
  if (!allowedFirstAuthFactors(pool).includes('WEB_AUTHN')) fail('WebAuthnNotEnabledException', 'WebAuthn is not enabled for this user pool.');
}

/**
 * StartWebAuthnRegistration: PublicKeyCredentialCreationOptionsJSON as Cognito answers it, with the
 * user's passkeys excluded; the challenge is remembered for the user and the app client that asked.
 */
export async function startWebAuthnRegistration(context: Context, request: { AccessToken: string }) {
  const { token, user, pool } = await userForAccessToken(context, request.AccessToken);
  assertPasskeysEnabled(pool);
  const existing = await passkeyStore.ofUser(context.db, user);
  if (existing.length >= maxPasskeysPerUser) fail('LimitExceededException', `A user may register at most ${maxPasskeysPerUser} passkeys.`);
  const rp = relyingPartyOf(pool);
  const challenge = context.random.bytes(32).toString('base64url');
  await registrationStore.put(context.db, {
    pool_id: pool.Id,
    sub: user.sub,
    client_id: token.clientId,
    challenge,
    relying_party_id: rp.id,
    user_verification: rp.userVerification,
    expires_at: context.clock.now() + registrationValidityMs,
  });
  return {
    CredentialCreationOptions: {
      rp: { id: rp.id, name: rp.name },
      user: { id: Buffer.from(user.sub, 'utf8').toString('base64url'), name: user.username, displayName: '' },
      challenge,
      pubKeyCredParams: supportedAlgorithms.map((alg) => ({ type: 'public-key', alg })),
      timeout: creationTimeoutMs,
      excludeCredentials: existing.map((passkey) => ({ type: 'public-key', id: passkey.id })),
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: rp.userVerification },
    },
  };
}

/**
 * CompleteWebAuthnRegistration: the authenticator's answer to the pending challenge, from an allowed
 * origin, for this relying party, with user verification when the pool requires it; the challenge is
 * spent by the first completion that names it, whether it succeeds or not.
 */
export async function completeWebAuthnRegistration(context: Context, request: { AccessToken: string; Credential: RegistrationResponseJSON }): Promise<void> {
  const { token, user, pool } = await userForAccessToken(context, request.AccessToken);
  assertPasskeysEnabled(pool);
  const pending = await registrationStore.find(context.db, user);
  if (!pending || pending.expires_at <= context.clock.now()) return fail('WebAuthnChallengeNotFoundException', 'No passkey registration is in progress for this user, or it expired.');
  if (pending.client_id !== token.clientId) fail('WebAuthnClientMismatchException', 'The passkey registration was started by another app client.');
  const credential = request.Credential;
  const rpId = pending.relying_party_id;
  const origin = checkClientData(credential.response.clientDataJSON, { type: 'webauthn.create', challenge: pending.challenge, rpId });
  checkRelyingParty(await registrationAuthenticatorData(credential.response.attestationObject), rpId);
  if (!(await registrationStore.take(context.db, pending))) fail('WebAuthnChallengeNotFoundException', 'No passkey registration is in progress for this user, or it expired.');

  const { verifyRegistrationResponse } = await webAuthnLibrary();
  let verified: VerifiedRegistrationResponse;
  try {
    verified = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: pending.user_verification === 'required',
      supportedAlgorithmIDs: supportedAlgorithms,
    });
  } catch (error) {
    return fail('WebAuthnCredentialNotSupportedException', `The passkey could not be verified: ${(error as Error).message}`);
  }
  if (!verified.verified) return fail('WebAuthnCredentialNotSupportedException', 'The passkey could not be verified.');
  const { credential: made } = verified.registrationInfo;
  const stored = await passkeyStore.insert(context.db, {
    poolId: pool.Id,
    sub: user.sub,
    id: made.id,
    publicKey: Buffer.from(made.publicKey).toString('base64url'),
    signCount: made.counter,
    transports: credential.response.transports ?? [],
    attachment: credential.authenticatorAttachment ?? null,
    friendlyName: rpId,
    relyingPartyId: rpId,
    createdAt: context.clock.now(),
  });
  if (!stored) fail('WebAuthnCredentialNotSupportedException', 'This passkey is already registered.');
}
