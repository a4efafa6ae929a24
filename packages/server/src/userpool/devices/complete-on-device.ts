import type { User } from '../../store/users.js';
import { completeSignIn } from '../auth/complete.js';
import { nextStepAfterPassword } from '../auth/next-step.js';
import type { AuthResult } from '../auth/result.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';

/**
 * completeSignIn for a sign-in that named a device. A confirmed account has nothing left for
 * completeSignIn to refuse or ask, so it goes on to the next step with its device; any other
 * account takes completeSignIn's path, which refuses it or asks for a new password.
 */
export async function completeSignInOnDevice(context: Context, resolved: ClientAndPool, user: User, flow: string, deviceKey: string | undefined): Promise<AuthResult> {
  if (deviceKey === undefined || user.status !== 'CONFIRMED') return completeSignIn(context, resolved, user, flow);
  return nextStepAfterPassword(context, resolved, user, { flow, deviceKey });
}
