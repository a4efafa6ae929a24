import { createHash } from 'node:crypto';
import { decodeAttestationObject, decodeClientDataJSON, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { fail } from '../../errors.js';
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
  let clientData: { type: string; challenge: string; origin: string };
  try {
    clientData = decodeClientDataJSON(clientDataJSON);
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
export function registrationAuthenticatorData(attestationObject: string): Uint8Array {
  try {
    const authData = decodeAttestationObject(Buffer.from(attestationObject, 'base64url')).get('authData');
    if (!(authData instanceof Uint8Array)) throw new Error('no authData');
    return authData;
  } catch {
    return fail('WebAuthnCredentialNotSupportedException', 'The credential attestation object could not be read.');
  }
}

/** The authenticator data must be for this relying party: its first 32 bytes are SHA-256 of the RP ID. */
export function checkRelyingParty(authenticatorData: Uint8Array, rpId: string): void {
  let rpIdHash: Uint8Array;
  try {
    rpIdHash = parseAuthenticatorData(new Uint8Array(authenticatorData)).rpIdHash;
  } catch {
    return fail('WebAuthnCredentialNotSupportedException', 'The credential authenticator data could not be read.');
  }
  const expected = createHash('sha256').update(rpId).digest();
  if (!expected.equals(Buffer.from(rpIdHash))) fail('WebAuthnRelyingPartyMismatchException', `The credential is not for relying party ${rpId}.`);
}
