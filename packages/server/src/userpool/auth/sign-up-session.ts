import { fail, messages } from '../../errors.js';
import type { User } from '../../store/users.js';
import { clientAllowsFlow } from '../client.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { assertAccountCanSignIn } from './complete.js';
import { nextStepAfterPassword } from './next-step.js';
import type { AuthResult } from './result.js';
import { endSession, openSession, startSession } from './sessions.js';
import { userSigningIn } from './signing-in-user.js';

const flow = 'SIGN_UP';
const challenge = 'CONFIRMED';

/**
 * ConfirmSignUp's `Session`: the code the user just confirmed stands for the first factor of one
 * sign-in. Stored as every sign-in session is (hashed, bound to the client, AuthSessionValidity), and
 * issued only to clients that may redeem it with USER_AUTH, as Cognito returns it only to those.
 */
export async function startSignUpSession(context: Context, { client }: ClientAndPool, user: User): Promise<string | undefined> {
  if (!clientAllowsFlow(client, 'USER_AUTH')) return undefined;
  return startSession(context, client, { flow, username: user.username, challenge });
}

/**
 * InitiateAuth or AdminInitiateAuth USER_AUTH with the sign-up `Session`: "Amazon Cognito assumes the
 * one-time verification password from ConfirmSignUp as the primary authentication factor" (API
 * reference, InitiateAuth Session), once, for the user it was issued to, within the session's life.
 * MFA, when the pool and user call for it, follows as after a password.
 */
export async function signInWithSignUpSession(context: Context, resolved: ClientAndPool, parameters: Record<string, string>, session: string): Promise<AuthResult> {
  const identifier = parameters.USERNAME;
  if (!identifier) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  const open = await openSession(context, resolved.client, session);
  if (open.state.flow !== flow) return fail('NotAuthorizedException', messages.sessionExpired);
  const user = await userSigningIn(context, resolved, identifier, parameters.SECRET_HASH);
  if (!user || user.username !== open.state.username) return fail('NotAuthorizedException', messages.sessionExpired);
  await endSession(context, open);
  assertAccountCanSignIn(user);
  return nextStepAfterPassword(context, resolved, user, { flow: 'USER_AUTH', ...(parameters.DEVICE_KEY ? { deviceKey: parameters.DEVICE_KEY } : {}) });
}
