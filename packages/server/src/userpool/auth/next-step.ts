import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { deviceSrpChallenge } from '../devices/device-srp.js';
import { canProveDevice, deviceReplacesMfa, signInDevice } from '../devices/sign-in.js';
import { issueTokens, type TokenState } from './issue-tokens.js';
import { mfaStep } from './mfa-step.js';
import type { AuthResult } from './result.js';
import type { SignInState } from './sessions.js';

/**
 * The password is settled: a second factor when the pool and user call for one, else the tokens.
 * A remembered device named by the sign-in proves itself with device SRP: instead of the second
 * factor when the pool lets it (ChallengeRequiredOnNewDevice), else when no second factor is due.
 */
export async function nextStepAfterPassword(
  context: Context,
  resolved: ClientAndPool,
  user: User,
  state: Pick<SignInState, 'flow' | 'deviceKey'> & Pick<TokenState, 'tokenSource'>,
): Promise<AuthResult> {
  const device = await signInDevice(context, resolved.pool, user, state.deviceKey);
  const provable = device !== undefined && canProveDevice(device);
  if (provable && deviceReplacesMfa(resolved.pool)) return deviceSrpChallenge(context, resolved, user, state.flow, device);
  const mfa = await mfaStep(context, resolved, user, { flow: state.flow, deviceKey: device?.key });
  if (mfa) return mfa;
  if (provable) return deviceSrpChallenge(context, resolved, user, state.flow, device);
  return issueTokens(context, resolved, user, { deviceKey: device?.key, tokenSource: state.tokenSource });
}

/** The second factor is proven: a remembered device still proves itself, else the tokens. */
export async function nextStepAfterMfa(context: Context, resolved: ClientAndPool, user: User, state: Pick<SignInState, 'flow' | 'deviceKey'>): Promise<AuthResult> {
  const device = await signInDevice(context, resolved.pool, user, state.deviceKey);
  if (device !== undefined && canProveDevice(device)) return deviceSrpChallenge(context, resolved, user, state.flow, device);
  return issueTokens(context, resolved, user, { deviceKey: device?.key });
}
