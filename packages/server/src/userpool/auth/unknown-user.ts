import { fail, messages } from '../../errors.js';
import type { UserPoolClient } from '../client.js';

/**
 * With PreventUserExistenceErrors ENABLED an unknown user is answered like a wrong password;
 * with LEGACY, Cognito says the user does not exist.
 */
export function failUnknownUser(client: UserPoolClient): never {
  if (client.PreventUserExistenceErrors === 'ENABLED') fail('NotAuthorizedException', messages.incorrectCredentials);
  return fail('UserNotFoundException', messages.userDoesNotExist);
}
