import { fail } from '../../errors.js';
import type { Context } from '../context.js';
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from '../devices/device-srp.js';
import { answerCustomChallenge } from './custom-flow.js';
import { resolveClientFor } from './initiate-auth.js';
import { answerMfaCode, answerMfaSelection, answerMfaSetup } from './mfa-answers.js';
import { answerNewPassword } from './new-password.js';
import { answerPasskeyChallenge } from './passkey-step.js';
import type { AuthResult } from './result.js';
import { openSession } from './sessions.js';
import { answerPasswordVerifier } from './srp-flow.js';
import { answerChallengeSelection } from './user-auth-flow.js';

export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: string;
  Session?: string | undefined;
  ChallengeResponses?: Record<string, string> | undefined;
  /** Set by AdminRespondToAuthChallenge. */
  UserPoolId?: string | undefined;
  ClientMetadata?: Record<string, string> | undefined;
}

/** RespondToAuthChallenge: the answer must be to the challenge the session is waiting for. */
export async function respondToAuthChallenge(context: Context, request: RespondToAuthChallengeRequest): Promise<AuthResult> {
  const resolved = await resolveClientFor(context, request.ClientId, request.UserPoolId);
  const session = await openSession(context, resolved.client, request.Session);
  const responses = request.ChallengeResponses ?? {};
  // Amplify sends a factor chosen after a passkey prompt was cancelled as SELECT_CHALLENGE with the
  // WEB_AUTHN session (reference §6.2): the choices offered before stand.
  const reselection = session.state.challenge === 'WEB_AUTHN' && request.ChallengeName === 'SELECT_CHALLENGE' && session.state.choices !== undefined;
  if (session.state.challenge !== request.ChallengeName && !reselection) {
    return fail('InvalidParameterException', `Invalid challenge name: expected ${session.state.challenge}.`);
  }
  if (!responses.USERNAME) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  switch (request.ChallengeName) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(context, resolved, session, responses);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(context, resolved, session, responses);
    case 'SMS_MFA':
    case 'SMS_OTP':
    case 'EMAIL_OTP':
    case 'SOFTWARE_TOKEN_MFA':
      return answerMfaCode(context, resolved, session, responses);
    case 'SELECT_MFA_TYPE':
      return answerMfaSelection(context, resolved, session, responses);
    case 'SELECT_CHALLENGE':
      return answerChallengeSelection(context, resolved, session, responses);
    case 'MFA_SETUP':
      return answerMfaSetup(context, resolved, session, responses);
    case 'CUSTOM_CHALLENGE':
      return answerCustomChallenge(context, resolved, session, responses, request.ClientMetadata);
    case 'WEB_AUTHN':
      return answerPasskeyChallenge(context, resolved, session, responses);
    case 'DEVICE_SRP_AUTH':
      return answerDeviceSrpAuth(context, resolved, session, responses);
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier(context, resolved, session, responses);
    default:
      return fail('InvalidParameterException', `Challenge ${request.ChallengeName} is not supported by this server yet.`);
  }
}
