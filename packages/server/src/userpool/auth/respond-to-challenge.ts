import { fail } from '../../errors.js';
import { resolveClient } from '../clients.js';
import type { Context } from '../context.js';
import type { AuthResult } from './result.js';
import { openSession } from './sessions.js';
import { answerPasswordVerifier } from './srp-flow.js';

export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: string;
  Session?: string | undefined;
  ChallengeResponses?: Record<string, string> | undefined;
}

/** RespondToAuthChallenge: the answer must be to the challenge the session is waiting for. */
export async function respondToAuthChallenge(context: Context, request: RespondToAuthChallengeRequest): Promise<AuthResult> {
  const resolved = await resolveClient(context, request.ClientId);
  const session = await openSession(context, resolved.client, request.Session);
  const responses = request.ChallengeResponses ?? {};
  if (session.state.challenge !== request.ChallengeName) {
    return fail('InvalidParameterException', `Invalid challenge name: expected ${session.state.challenge}.`);
  }
  if (!responses.USERNAME) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  switch (request.ChallengeName) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(context, resolved, session, responses);
    default:
      return fail('InvalidParameterException', `Challenge ${request.ChallengeName} is not supported by this server yet.`);
  }
}
