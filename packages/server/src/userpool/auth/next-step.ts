import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { issueTokens } from './issue-tokens.js';
import { mfaStep } from './mfa-step.js';
import type { AuthResult } from './result.js';
import type { SignInState } from './sessions.js';

/** The password is settled: a second factor when the pool and user call for one, else the tokens. */
export async function nextStepAfterPassword(context: Context, resolved: ClientAndPool, user: User, state: Pick<SignInState, 'flow'>): Promise<AuthResult> {
  return (await mfaStep(context, resolved, user, state.flow)) ?? issueTokens(context, resolved, user);
}
