import { maskEmail, maskPhone } from '../../delivery/templates.js';
import { fail } from '../../errors.js';
import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { UserPoolSettings } from '../pool.js';
import type { Context } from '../context.js';
import { factorsToSetUp, loadUserMfa, usableFactors, type MfaFactor } from '../mfa/factors.js';
import type { AuthResult } from './result.js';
import { startSession, type SignInState } from './sessions.js';

/**
 * The second-factor challenge after the password, or undefined when none is due: SELECT_MFA_TYPE
 * when several factors are on and none is preferred, MFA_SETUP when the pool requires MFA and the
 * user has none, else the one factor's challenge (reference §2.8.2).
 */
export async function mfaStep(context: Context, resolved: ClientAndPool, user: User, state: Pick<SignInState, 'flow' | 'deviceKey'>): Promise<AuthResult | undefined> {
  const { pool } = resolved;
  if (pool.MfaConfiguration === 'OFF') return undefined;
  const row = await loadUserMfa(context.db, user);
  const factors = usableFactors(pool, user, row);
  // The device the sign-in named rides along, so the tokens after the second factor are bound to it.
  const base = { flow: state.flow, username: user.username, ...(state.deviceKey ? { deviceKey: state.deviceKey } : {}) };
  if (factors.length === 0) {
    if (pool.MfaConfiguration !== 'ON') return undefined;
    const choices = factorsToSetUp(pool, user);
    if (choices.length === 0) fail('InvalidUserPoolConfigurationException', 'No MFA method is available for this user to set up.');
    const session = await startSession(context, resolved.client, { ...base, challenge: 'MFA_SETUP', choices });
    return { ChallengeName: 'MFA_SETUP', Session: session, ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(choices) } };
  }
  const preferred = factors.find((f) => f === row?.preferred);
  if (!preferred && factors.length > 1) {
    const session = await startSession(context, resolved.client, { ...base, challenge: 'SELECT_MFA_TYPE', choices: factors });
    return { ChallengeName: 'SELECT_MFA_TYPE', Session: session, ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(factors), USER_ID_FOR_SRP: user.username } };
  }
  return startFactorChallenge(context, resolved, user, base, preferred ?? factors[0]!);
}

/** Sends the code (SMS, email) and answers the factor's challenge with where it went. */
export async function startFactorChallenge(
  context: Context,
  { client, pool }: ClientAndPool,
  user: User,
  base: Pick<SignInState, 'flow' | 'username' | 'deviceKey'>,
  factor: MfaFactor,
  emailOverride?: string,
): Promise<AuthResult> {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    const session = await startSession(context, client, { ...base, challenge: factor });
    return { ChallengeName: factor, Session: session, ChallengeParameters: { USER_ID_FOR_SRP: user.username } };
  }
  const destination = factor === 'SMS_MFA' ? user.attributes.phone_number! : (emailOverride ?? user.attributes.email!);
  const code = await sendSignInCode(context, pool, factor === 'SMS_MFA' ? 'SMS' : 'EMAIL', destination);
  const state: SignInState = {
    ...base,
    challenge: factor,
    code: { hash: mfaCodeHash(context, user, code), attempts: 0, ...(emailOverride ? { destination: emailOverride } : {}) },
  };
  const session = await startSession(context, client, state);
  return {
    ChallengeName: factor,
    Session: session,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: factor === 'SMS_MFA' ? 'SMS' : 'EMAIL',
      CODE_DELIVERY_DESTINATION: factor === 'SMS_MFA' ? maskPhone(destination) : maskEmail(destination),
      USER_ID_FOR_SRP: user.username,
    },
  };
}

/**
 * A new 6-digit sign-in code, sent with the pool's MFA message: Cognito uses the same templates for
 * MFA codes and for one-time-password sign-in (EmailMfaConfiguration, SmsAuthenticationMessage).
 */
export async function sendSignInCode(context: Context, pool: UserPoolSettings, channel: 'SMS' | 'EMAIL', destination: string): Promise<string> {
  const code = context.random.digits(6);
  if (channel === 'SMS') {
    const template = pool.SmsMfaConfiguration?.SmsAuthenticationMessage ?? 'Your authentication code is {####}. ';
    await context.delivery.send({ poolId: pool.Id, channel: 'SMS', to: destination, body: template.replace('{####}', code), code });
  } else {
    const message = pool.EmailMfaConfiguration?.Message ?? 'Your authentication code is {####}.';
    const subject = pool.EmailMfaConfiguration?.Subject ?? 'Your authentication code';
    await context.delivery.send({ poolId: pool.Id, channel: 'EMAIL', to: destination, subject, body: message.replace('{####}', code), code });
  }
  return code;
}

/** Keyed with the master key: a stolen session row does not reveal its 6-digit code by brute force. */
export const mfaCodeHash = (context: Context, user: Pick<User, 'sub'>, code: string) => context.sealer.derive(`mfa-code:${user.sub}:${code}`).toString('hex');
