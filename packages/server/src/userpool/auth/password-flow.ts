import { verifyAgainstDummy, verifyPassword } from '../../crypto/password.js';
import { fail, messages } from '../../errors.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { completeSignInOnDevice } from '../devices/complete-on-device.js';
import { recordFailedSignIn, recordSuccessfulSignIn } from './lockout.js';
import type { AuthResult } from './result.js';
import { userSigningIn } from './signing-in-user.js';
import { failUnknownUser } from './unknown-user.js';

/** USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the password itself, checked against its argon2id hash. */
export async function signInWithPassword(
  context: Context,
  resolved: ClientAndPool,
  parameters: Record<string, string>,
  flow = 'USER_PASSWORD_AUTH',
): Promise<AuthResult> {
  const { client } = resolved;
  const username = parameters.USERNAME;
  const password = parameters.PASSWORD;
  if (!username) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  if (password === undefined) return fail('InvalidParameterException', 'Missing required parameter PASSWORD');
  const user = await userSigningIn(context, resolved, username, parameters.SECRET_HASH);
  if (!user) {
    // The same argon2 work as for a real user, so the answer's timing tells nothing.
    await verifyAgainstDummy(password);
    return failUnknownUser(client);
  }
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(context, user);
    return fail('NotAuthorizedException', messages.incorrectCredentials);
  }
  await recordSuccessfulSignIn(context, user);
  return completeSignInOnDevice(context, resolved, user, flow, parameters.DEVICE_KEY);
}
