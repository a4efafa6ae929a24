import { maskEmail, maskPhone } from '../../delivery/templates.js';
import { fail } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { usernameKeyOf } from '../users.js';
import { assertEnabled } from './complete.js';
import { firstFactorNames, isOneTimePassword, unknownUserFirstFactors, userFirstFactors, type FirstFactorChallenge } from './first-factors.js';
import { assertNotLockedOut } from './lockout.js';
import { mfaCodeHash, sendSignInCode } from './mfa-step.js';
import { startPasskeyChallenge } from './passkey-step.js';
import { signInWithPassword } from './password-flow.js';
import type { AuthResult } from './result.js';
import { endSession, startSession, type OpenSession, type SignInState } from './sessions.js';
import { userSigningIn } from './signing-in-user.js';
import { startSrpSignIn } from './srp-flow.js';

const flow = 'USER_AUTH';

/**
 * InitiateAuth USER_AUTH: the preferred first factor when the user may use it, else SELECT_CHALLENGE
 * listing those they may (reference §6.1). A password factor goes the way USER_PASSWORD_AUTH and
 * USER_SRP_AUTH go, on to MFA; a one-time password or a passkey is the whole sign-in.
 */
export async function startUserAuth(context: Context, resolved: ClientAndPool, parameters: Record<string, string>): Promise<AuthResult> {
  const identifier = parameters.USERNAME;
  if (!identifier) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  const preferred = parameters.PREFERRED_CHALLENGE;
  if (preferred !== undefined && !(firstFactorNames as readonly string[]).includes(preferred)) {
    return fail('InvalidParameterException', `Invalid PREFERRED_CHALLENGE: ${preferred}`);
  }
  if (preferred === 'PASSWORD') return signInWithPassword(context, resolved, parameters, flow);
  if (preferred === 'PASSWORD_SRP') return startSrpSignIn(context, resolved, parameters, undefined, flow);

  const { client, pool } = resolved;
  const user = await userSigningIn(context, resolved, identifier, parameters.SECRET_HASH);
  const available = user ? await userFirstFactors(context, pool, user) : unknownUserFirstFactors(pool);
  const base = { flow, identifier, ...(parameters.DEVICE_KEY ? { deviceKey: parameters.DEVICE_KEY } : {}) };
  if (preferred !== undefined && isOneTimePassword(preferred) && available.includes(preferred)) {
    return startOneTimePassword(context, resolved, user, base, preferred);
  }
  if (preferred === 'WEB_AUTHN' && available.includes(preferred)) return startPasskeyChallenge(context, resolved, user, { ...base, choices: available });
  const session = await startSession(context, client, { ...base, username: user?.username ?? null, challenge: 'SELECT_CHALLENGE', choices: available });
  return { ChallengeName: 'SELECT_CHALLENGE', Session: session, ChallengeParameters: {}, AvailableChallenges: available };
}

/** SELECT_CHALLENGE: the chosen first factor, with the password or SRP_A when it is one of those. */
export async function answerChallengeSelection(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const { state } = session;
  const answer = responses.ANSWER;
  if (!answer) return fail('InvalidParameterException', 'Missing required parameter ANSWER');
  const choice = state.choices?.find((c) => c === answer) as FirstFactorChallenge | undefined;
  if (!choice) return fail('InvalidParameterException', `ANSWER must be one of ${JSON.stringify(state.choices ?? [])}.`);
  const identifier = state.identifier ?? state.username ?? '';
  const parameters: Record<string, string> = { USERNAME: identifier };
  for (const key of ['SECRET_HASH', 'DEVICE_KEY'] as const) {
    const value = responses[key] ?? (key === 'DEVICE_KEY' ? state.deviceKey : undefined);
    if (value !== undefined) parameters[key] = value;
  }
  if (choice === 'PASSWORD') {
    if (responses.PASSWORD === undefined) return fail('InvalidParameterException', 'Missing required parameter PASSWORD');
    await endSession(context, session);
    return signInWithPassword(context, resolved, { ...parameters, PASSWORD: responses.PASSWORD }, flow);
  }
  if (choice === 'PASSWORD_SRP') {
    if (responses.SRP_A === undefined) return fail('InvalidParameterException', 'Missing required parameter SRP_A');
    await endSession(context, session);
    return startSrpSignIn(context, resolved, { ...parameters, SRP_A: responses.SRP_A }, undefined, flow);
  }
  const user = state.username === null ? undefined : await userStore.byUsernameKey(context.db, resolved.pool.Id, usernameKeyOf(resolved.pool, state.username));
  assertSecretHash(resolved.client, [identifier, ...(user ? [user.username] : [])], responses.SECRET_HASH);
  await endSession(context, session);
  if (user) {
    assertEnabled(user);
    assertNotLockedOut(context, user);
  }
  const base = { flow, identifier, ...(parameters.DEVICE_KEY ? { deviceKey: parameters.DEVICE_KEY } : {}) };
  if (choice === 'WEB_AUTHN') return startPasskeyChallenge(context, resolved, user, { ...base, choices: state.choices ?? [] });
  return startOneTimePassword(context, resolved, user, base, choice);
}

/**
 * Sends the code and answers EMAIL_OTP or SMS_OTP with where it went; the code lives in the session
 * (hashed, five wrong answers, single use, as long as the session). A user who does not exist, when
 * the client hides that, gets a challenge that looks the same, sends nothing, and accepts no code.
 */
async function startOneTimePassword(
  context: Context,
  { client, pool }: ClientAndPool,
  user: User | undefined,
  base: Pick<SignInState, 'flow' | 'identifier' | 'deviceKey'>,
  challenge: 'EMAIL_OTP' | 'SMS_OTP',
): Promise<AuthResult> {
  const channel = challenge === 'SMS_OTP' ? 'SMS' : 'EMAIL';
  let destination: string;
  let state: SignInState;
  if (user) {
    const to = channel === 'SMS' ? user.attributes.phone_number! : user.attributes.email!;
    const code = await sendSignInCode(context, pool, channel, to);
    destination = channel === 'SMS' ? maskPhone(to) : maskEmail(to);
    state = { ...base, username: user.username, challenge, code: { hash: mfaCodeHash(context, user, code), attempts: 0 } };
  } else {
    destination = simulatedDestination(context, pool.Id, usernameKeyOf(pool, base.identifier ?? ''), channel, base.identifier ?? '');
    state = { ...base, username: null, challenge, code: { hash: '', attempts: 0 } };
  }
  const session = await startSession(context, client, state);
  return { ChallengeName: challenge, Session: session, ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: channel, CODE_DELIVERY_DESTINATION: destination } };
}

/** Stable per name, like the simulated SRP salt: asking twice does not reveal the user is made up. */
function simulatedDestination(context: Context, poolId: string, usernameKey: string, channel: 'SMS' | 'EMAIL', identifier: string): string {
  if (channel === 'EMAIL') return maskEmail(identifier.includes('@') ? identifier : `${identifier}@example.com`);
  if (/^\+\d{8,}$/.test(identifier)) return maskPhone(identifier);
  const digits = [...context.sealer.derive(`otp-fake:${poolId}:${usernameKey}`).subarray(0, 4)].map((b) => String(b % 10)).join('');
  return maskPhone(`+1555555${digits}`);
}
