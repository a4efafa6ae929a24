import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import { findUserForSignIn } from '../users.js';
import { assertEnabled } from './complete.js';
import { assertNotLockedOut } from './lockout.js';
import { failUnknownUser } from './unknown-user.js';

/**
 * The user a sign-in names, after the checks the password, SRP and choice-based flows make first:
 * the client's secret hash, then a disabled or locked-out user refused. An unknown user is refused
 * unless the client hides user existence; then it is undefined and the flow plays its part to the end.
 */
export async function userSigningIn(context: Context, { client, pool }: ClientAndPool, identifier: string, secretHash: string | undefined): Promise<User | undefined> {
  const user = await findUserForSignIn(context, pool, identifier);
  assertSecretHash(client, [identifier, ...(user ? [user.username] : [])], secretHash);
  if (!user) {
    if (client.PreventUserExistenceErrors !== 'ENABLED') failUnknownUser(client);
    return undefined;
  }
  assertEnabled(user);
  assertNotLockedOut(context, user);
  return user;
}
