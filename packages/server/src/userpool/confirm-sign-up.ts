import { fail, messages } from '../errors.js';
import { postConfirmation } from '../hooks/post-confirmation.js';
import { uniqueViolation } from '../store/unique-violation.js';
import { userStore, type User } from '../store/users.js';
import { startSignUpSession } from './auth/sign-up-session.js';
import { assertSecretHash, resolveClient, type ClientAndPool } from './clients.js';
import { consumeCode, issueCode } from './codes.js';
import type { Context } from './context.js';
import { sendVerificationCode, signUpCodeTarget, type CodeDeliveryDetails } from './send-code.js';
import { findUserForSignIn, loginColumnsOf } from './users.js';

interface ClientRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string | undefined;
}

async function userForClientRequest(context: Context, request: ClientRequest): Promise<ClientAndPool & { user: User }> {
  const { client, pool } = await resolveClient(context, request.ClientId);
  const user = await findUserForSignIn(context, pool, request.Username);
  assertSecretHash(client, [request.Username, ...(user ? [user.username] : [])], request.SecretHash);
  if (!user) return fail('UserNotFoundException', messages.usernameClientNotFound);
  return { client, pool, user };
}

/**
 * ConfirmSignUp: the code proves the attribute it was sent to, which becomes verified. The answer's
 * `Session` signs the user in once with InitiateAuth USER_AUTH, the code standing for the first factor.
 */
export async function confirmSignUp(
  context: Context,
  request: ClientRequest & { ConfirmationCode: string; ClientMetadata?: Record<string, string> | undefined },
): Promise<{ Session?: string }> {
  const { client, pool, user } = await userForClientRequest(context, request);
  if (user.status !== 'UNCONFIRMED') fail('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
  await consumeCode(context, user, 'sign-up', request.ConfirmationCode);
  const target = signUpCodeTarget(pool, user.attributes);
  const attributes = target ? { ...user.attributes, [`${target.attribute}_verified`]: 'true' } : user.attributes;
  const changes = { status: 'CONFIRMED' as const, attributes, ...loginColumnsOf(pool, attributes), updatedAt: context.clock.now() };
  try {
    await userStore.update(context.db, user, changes);
  } catch (error) {
    if (uniqueViolation(error) === undefined) throw error;
    fail('AliasExistsException', `An account with the ${target?.attribute ?? 'email'} already exists.`);
  }
  const confirmed = { ...user, ...changes };
  await postConfirmation(context, pool, { source: 'PostConfirmation_ConfirmSignUp', clientId: client.ClientId, user: confirmed, clientMetadata: request.ClientMetadata });
  const session = await startSignUpSession(context, { client, pool }, confirmed);
  return session === undefined ? {} : { Session: session };
}

/** ResendConfirmationCode: a new code replaces the old one. */
export async function resendConfirmationCode(context: Context, request: ClientRequest): Promise<CodeDeliveryDetails> {
  const { pool, user } = await userForClientRequest(context, request);
  if (user.status !== 'UNCONFIRMED') fail('InvalidParameterException', `User is already confirmed.`);
  const target = signUpCodeTarget(pool, user.attributes);
  if (!target) return fail('InvalidParameterException', 'Auto verification not turned on.');
  const code = await issueCode(context, user, 'sign-up');
  return sendVerificationCode(context, pool, user, target.attribute, target.destination, code);
}
