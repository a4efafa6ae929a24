import { createHash } from 'node:crypto';
import { fail } from '../../errors.js';
import { webAuthnHelpers } from './library.js';
import { originAllowed } from './relying-party.js';

/**
 * The checks both ceremonies share, made before the library verifies the rest, so that each failure
 * gets the name Cognito gives it: a challenge this server did not issue, a page the relying party
 * does not own, an authenticator that bound the credential to another relying party.
 */
export interface CeremonyExpectation {
  type: 'webauthn.create' | 'webauthn.get';
  challenge: string;
  rpId: string;
}

/** The origin the client data names, once it is one the relying party allows. */
export function checkClientData(clientDataJSON: string, expected: CeremonyExpectation): string {
  let clientData: { type?: unknown; challenge?: unknown; origin?: unknown };
  try {
    clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as typeof clientData;
    if (typeof clientData !== 'object' || clientData === null) throw new Error('not an object');
  } catch {
    return fail('WebAuthnCredentialNotSupportedException', 'The credential client data could not be read.');
  }
  if (clientData.type !== expected.type) return fail('WebAuthnCredentialNotSupportedException', `The credential client data type must be ${expected.type}.`);
  if (clientData.challenge !== expected.challenge) return fail('WebAuthnChallengeNotFoundException', 'The credential does not answer a current challenge.');
  if (typeof clientData.origin !== 'string' || !originAllowed(expected.rpId, clientData.origin)) {
    return fail('WebAuthnOriginNotAllowedException', `Origin ${String(clientData.origin)} is not allowed for relying party ${expected.rpId}.`);
  }
  return clientData.origin;
}

/** The authenticator data of a registration, which sits inside the CBOR attestation object. */
export async function registrationAuthenticatorData(attestationObject: string): Promise<Uint8Array> {
  const { decodeAttestationObject } = await webAuthnHelpers();
  try {
    const authData = decodeAttestationObject(Buffer.from(attestationObject, 'base64url')).get('authData');
    if (!(authData instanceof Uint8Array)) throw new Error('no authData');
    return authData;
  } catch {
    return fail('WebAuthnCredentialNotSupportedException', 'The credential attestation object could not be read.');
  }
}

/**
 * The authenticator data must be for this relying party: it starts with SHA-256 of the RP ID, then
 * flags and the signature counter (WebAuthn §6.1), 37 bytes at least.
 */
export function checkRelyingParty(authenticatorData: Uint8Array, rpId: string): void {
  if (authenticatorData.length < 37) fail('WebAuthnCredentialNotSupportedException', 'The credential authenticator data could not be read.');
  const expected = createHash('sha256').update(rpId).digest();
  if (!expected.equals(authenticatorData.subarray(0, 32))) fail('WebAuthnRelyingPartyMismatchException', `The credential is not for relying party ${rpId}.`);
}
