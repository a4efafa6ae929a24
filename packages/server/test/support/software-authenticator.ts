import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * A passkey authenticator in software, for driving registration and sign-in the way a browser would:
 * ES256 keys, client data, authenticator data with the RP ID hash, flags and counter, and an
 * attestation object of format "none" in CBOR (WebAuthn §6.1, §6.5, §8.7). Written without the
 * server's WebAuthn library so that the two check each other.
 */

const flagUserPresent = 0x01;
const flagUserVerified = 0x04;
const flagAttestedData = 0x40;

/** CBOR (RFC 8949) for what an attestation object and a COSE key hold: integers, bytes, text, maps. */
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(length, 1);
  return head;
}

export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([cborHead(3, Buffer.byteLength(value)), Buffer.from(value, 'utf8')]);
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  return Buffer.concat([cborHead(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

interface StoredKey {
  privateKey: KeyObject;
  counter: number;
  userHandle: string;
}

/** What a test may change to play a misbehaving client or authenticator. */
export interface CeremonyOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  userVerified?: boolean;
  /** The signature counter to report; the next one after the last use when absent. */
  counter?: number;
  type?: string;
  /** create(): make the passkey again under an id this authenticator already holds. */
  credentialId?: string;
}

export interface CreationOptions {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  authenticatorSelection?: { userVerification?: string };
  excludeCredentials?: Array<{ id: string; type: string }>;
}

export interface RequestOptions {
  challenge: string;
  rpId: string;
  allowCredentials: Array<{ id: string; type: string }>;
  userVerification?: string;
}

export class SoftwareAuthenticator {
  readonly keys = new Map<string, StoredKey>();
  private next = 1;

  constructor(readonly origin = 'http://localhost:5173') {}

  /** navigator.credentials.create(), answered as RegistrationResponseJSON. */
  create(options: CreationOptions, overrides: CeremonyOverrides = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credentialId = overrides.credentialId ? Buffer.from(overrides.credentialId, 'base64url') : sha256(`credential-${this.next++}-${options.challenge}`).subarray(0, 16);
    const id = b64url(credentialId);
    const counter = overrides.counter ?? 0;
    this.keys.set(id, { privateKey, counter, userHandle: options.user.id });
    const jwk = publicKey.export({ format: 'jwk' });
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const credentialData = Buffer.concat([Buffer.alloc(16), Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]), credentialId, coseKey]);
    const authData = this.authenticatorData(overrides.rpId ?? options.rp.id, flagAttestedData | this.flags(overrides), counter, credentialData);
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, overrides);
    const attestationObject = cbor(new Map<Cbor, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id,
      rawId: id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal' as const, 'hybrid' as const],
        publicKeyAlgorithm: -7,
        authenticatorData: b64url(authData),
      },
    };
  }

  /** navigator.credentials.get() with the given passkey, answered as AuthenticationResponseJSON. */
  get(options: RequestOptions, credentialId: string, overrides: CeremonyOverrides = {}) {
    const key = this.keys.get(credentialId);
    if (!key) throw new Error(`the authenticator holds no credential ${credentialId}`);
    key.counter = overrides.counter ?? key.counter + 1;
    const authData = this.authenticatorData(overrides.rpId ?? options.rpId, this.flags(overrides), key.counter);
    const clientDataJSON = this.clientData('webauthn.get', overrides.challenge ?? options.challenge, overrides);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), key.privateKey);
    return {
      id: credentialId,
      rawId: credentialId,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: key.userHandle },
    };
  }

  private flags(overrides: CeremonyOverrides): number {
    return flagUserPresent | (overrides.userVerified === false ? 0 : flagUserVerified);
  }

  private authenticatorData(rpId: string, flags: number, counter: number, attested: Buffer = Buffer.alloc(0)): Buffer {
    const counterBytes = Buffer.alloc(4);
    counterBytes.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counterBytes, attested]);
  }

  private clientData(type: string, challenge: string, overrides: CeremonyOverrides): Buffer {
    return Buffer.from(JSON.stringify({ type: overrides.type ?? type, challenge: overrides.challenge ?? challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
  }
}
