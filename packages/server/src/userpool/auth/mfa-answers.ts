import { constantTimeEqual } from '../../crypto/hashes.js';
import { fail } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { loadUserMfa, saveUserMfa, type MfaFactor } from '../mfa/factors.js';
import { acceptTotpCode } from '../mfa/totp-store.js';
import { loginColumnsOf, usernameKeyOf } from '../users.js';
import { nextStepAfterMfa } from './next-step.js';
import { mfaCodeHash, startFactorChallenge } from './mfa-step.js';
import type { AuthResult } from './result.js';
import { endSession, saveSessionState, type OpenSession } from './sessions.js';

/** Wrong codes a sign-in survives before it must start again. */
export const maxMfaAttempts = 5;

const codeKeys: Record<MfaFactor | 'SMS_OTP', string[]> = {
  SMS_MFA: ['SMS_MFA_CODE'],
  SMS_OTP: ['SMS_OTP_CODE'],
  EMAIL_OTP: ['EMAIL_OTP_CODE', 'EMAIL_MFA_CODE'],
  // amazon-cognito-identity-js answers TOTP with both keys.
  SOFTWARE_TOKEN_MFA: ['SOFTWARE_TOKEN_MFA_CODE', 'SMS_MFA_CODE'],
};

async function sessionUser(context: Context, { client, pool }: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<User> {
  const user = await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, session.state.username ?? ''));
  if (!user) return fail('UserNotFoundException', 'User does not exist.');
  assertSecretHash(client, [user.username, responses.USERNAME ?? ''], responses.SECRET_HASH);
  return user;
}

/**
 * SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, and USER_AUTH's SMS_OTP: the code, then the tokens. A
 * one-time password as first factor is the whole proof, as a second factor is after the password.
 * A session for a user who does not exist (the client hides that) takes no code.
 */
export async function answerMfaCode(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const factor = session.state.challenge as keyof typeof codeKeys;
  const user = session.state.username === null ? undefined : await sessionUser(context, resolved, session, responses);
  const key = codeKeys[factor].find((k) => responses[k] !== undefined);
  if (!key) return fail('InvalidParameterException', `Missing required parameter ${codeKeys[factor][0]}`);
  const code = responses[key]!;
  const right =
    user !== undefined &&
    (factor === 'SOFTWARE_TOKEN_MFA'
      ? await totpMatches(context, user, code)
      : constantTimeEqual(session.state.code?.hash ?? '', mfaCodeHash(context, user, code)));
  if (!right) {
    const attempts = (session.state.code?.attempts ?? 0) + 1;
    if (attempts >= maxMfaAttempts) await endSession(context, session);
    else await saveSessionState(context, session, { ...session.state, code: { ...(session.state.code ?? { hash: '' }), attempts } });
    return fail('CodeMismatchException', 'Invalid code received for user');
  }
  await endSession(context, session);
  const setUpAddress = session.state.code?.destination;
  return nextStepAfterMfa(context, resolved, setUpAddress ? await enableEmailMfa(context, resolved, user, setUpAddress) : user, session.state);
}

async function totpMatches(context: Context, user: User, code: string): Promise<boolean> {
  const row = await loadUserMfa(context.db, user);
  return row?.totp_secret_sealed ? acceptTotpCode(context, user, row.totp_secret_sealed, code) : false;
}

/** Email MFA set up during sign-in: the address the code reached becomes the user's, verified. */
async function enableEmailMfa(context: Context, { pool }: ClientAndPool, user: User, address: string): Promise<User> {
  const now = context.clock.now();
  const attributes = { ...user.attributes, email: address, email_verified: 'true' };
  await userStore.update(context.db, user, { attributes, ...loginColumnsOf(pool, attributes), updatedAt: now });
  const row = await loadUserMfa(context.db, user);
  await saveUserMfa(context.db, user, { email_enabled: 1, preferred: row?.preferred ?? 'EMAIL_OTP' }, now);
  return { ...user, attributes };
}

/** SELECT_MFA_TYPE: the chosen factor's challenge. */
export async function answerMfaSelection(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const user = await sessionUser(context, resolved, session, responses);
  const answer = responses.ANSWER === 'EMAIL_MFA' ? 'EMAIL_OTP' : responses.ANSWER;
  const factor = session.state.choices?.find((c) => c === answer) as MfaFactor | undefined;
  if (!factor) return fail('InvalidParameterException', `ANSWER must be one of ${JSON.stringify(session.state.choices ?? [])}.`);
  await endSession(context, session);
  return startFactorChallenge(context, resolved, user, session.state, factor);
}

/** MFA_SETUP: done once VerifySoftwareToken accepted a code, or an email address to send a code to. */
export async function answerMfaSetup(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const user = await sessionUser(context, resolved, session, responses);
  if (session.state.totpVerified) {
    await endSession(context, session);
    return nextStepAfterMfa(context, resolved, user, session.state);
  }
  const email = responses.EMAIL;
  if (email !== undefined && session.state.choices?.includes('EMAIL_OTP')) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return fail('InvalidParameterException', 'Invalid email address format.');
    await endSession(context, session);
    return startFactorChallenge(context, resolved, user, session.state, 'EMAIL_OTP', email);
  }
  return fail('InvalidParameterException', 'Set up a software token with AssociateSoftwareToken and VerifySoftwareToken, or give an EMAIL, before answering MFA_SETUP.');
}
