import { z } from 'zod';

/** Member shapes of the passkey operations, with the constraints of Cognito's API model. */
export { registrationResponse } from '../../userpool/passkeys/credential-shapes.js';
export const credentialId = z.string().min(1).max(1024);
export const webAuthnMaxResults = z.number().int().min(0).max(20);
export const nextToken = z.string().min(1).regex(/^[\S]+$/);
