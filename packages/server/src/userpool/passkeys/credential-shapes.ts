import { z } from 'zod';

/** The JSON forms of WebAuthn credentials that clients send (WebAuthn §5.1 toJSON). */
const base64url = z.string().min(1).max(65_536).regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url');

/** What every PublicKeyCredential's JSON form carries besides its response. */
const publicKeyCredential = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** RegistrationResponseJSON, as Amplify's serializePkcWithAttestationToJson builds it (reference §2.6). */
export const registrationResponse = publicKeyCredential.extend({
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    authenticatorData: base64url.optional(),
    publicKey: base64url.optional(),
  }),
});

/** AuthenticationResponseJSON, the CREDENTIAL answer to a WEB_AUTHN challenge (reference §6.3). */
export const authenticationResponse = publicKeyCredential.extend({
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

