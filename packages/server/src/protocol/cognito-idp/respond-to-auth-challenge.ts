import { z } from 'zod';
import { respondToAuthChallenge } from '../../userpool/auth/respond-to-challenge.js';
import { operation } from '../operation.js';
import { clientId, ignored, stringMap } from './shapes.js';

export const challengeNames = [
  'SMS_MFA',
  'SMS_OTP',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'SELECT_CHALLENGE',
  'MFA_SETUP',
  'PASSWORD',
  'PASSWORD_SRP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'WEB_AUTHN',
] as const;

export default operation(
  z.object({
    ClientId: clientId,
    ChallengeName: z.enum(challengeNames),
    // No minimum length here: a short or missing Session is an expired session, not a malformed one.
    Session: z.string().max(2048).optional(),
    ChallengeResponses: stringMap.optional(),
    ...ignored,
  }),
  (context, input) => respondToAuthChallenge(context, input),
);
