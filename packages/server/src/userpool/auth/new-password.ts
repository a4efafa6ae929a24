import { fail } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { checkAttributes } from '../attribute-rules.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { assertPasswordPolicy } from '../password-policy.js';
import { findUserForSignIn, loginColumnsOf, passwordColumns, usernameKeyOf } from '../users.js';
import { nextStepAfterPassword } from './next-step.js';
import type { AuthResult } from './result.js';
import { endSession, startSession, type OpenSession } from './sessions.js';

const dayMs = 86_400_000;

/**
 * An admin-created user proved the temporary password: it must choose its own, and give any
 * required attribute it lacks. Both JSON parameters are always sent, as amazon-cognito-identity-js
 * parses them unconditionally.
 */
export async function newPasswordChallenge(context: Context, { client, pool }: ClientAndPool, user: User, flow: string): Promise<AuthResult> {
  const validityDays = pool.Policies.PasswordPolicy.TemporaryPasswordValidityDays;
  if (validityDays > 0 && (user.passwordChangedAt ?? user.createdAt) + validityDays * dayMs < context.clock.now()) {
    fail('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.');
  }
  const session = await startSession(context, client, { flow, username: user.username, challenge: 'NEW_PASSWORD_REQUIRED' });
  const missing = pool.SchemaAttributes.filter((a) => a.Required && !user.attributes[a.Name]).map((a) => `userAttributes.${a.Name}`);
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: session,
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(missing),
      userAttributes: JSON.stringify(user.attributes),
    },
  };
}

/** NEW_PASSWORD_REQUIRED answered: the new password and attributes are stored and the user confirmed. */
export async function answerNewPassword(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const { pool, client } = resolved;
  const user = await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, session.state.username ?? ''));
  const named = responses.USERNAME ? await findUserForSignIn(context, pool, responses.USERNAME) : undefined;
  if (!user || named?.sub !== user.sub) return fail('NotAuthorizedException', 'Incorrect username or password.');
  assertSecretHash(client, [user.username, responses.USERNAME!], responses.SECRET_HASH);
  const password = responses.NEW_PASSWORD;
  if (!password) return fail('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
  assertPasswordPolicy(pool.Policies.PasswordPolicy, password, 'change');
  const given = Object.entries(responses)
    .filter(([key]) => key.startsWith('userAttributes.'))
    .map(([key, Value]) => ({ Name: key.slice('userAttributes.'.length), Value }));
  const attributes = { ...user.attributes, ...checkAttributes(pool, given) };
  const missing = pool.SchemaAttributes.filter((a) => a.Required && !attributes[a.Name]).map((a) => a.Name);
  if (missing.length) return fail('InvalidParameterException', `Invalid attributes given, ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`);

  await endSession(context, session);
  const changes = {
    ...(await passwordColumns(context, pool, user.username, user.sub, password)),
    status: 'CONFIRMED' as const,
    attributes,
    ...loginColumnsOf(pool, attributes),
    updatedAt: context.clock.now(),
  };
  await userStore.update(context.db, user, changes);
  return nextStepAfterPassword(context, resolved, { ...user, ...changes }, { ...session.state, tokenSource: 'TokenGeneration_NewPasswordChallenge' });
}
