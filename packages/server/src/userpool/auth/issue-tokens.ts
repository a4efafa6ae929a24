import type { TokenSource } from '../../hooks/pre-token-generation.js';
import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { deviceForTokens } from '../devices/tracking.js';
import { createGrant } from '../grants.js';
import { signTokens } from '../tokens.js';
import type { AuthResult } from './result.js';
import type { SignInState } from './sessions.js';

/** The device the sign-in named, and why tokens are issued (the pre token generation hook is told). */
export type TokenState = Pick<SignInState, 'deviceKey'> & { tokenSource?: TokenSource };

/**
 * The end of every sign-in: a new grant, its refresh token, and ID and access tokens, bound to the
 * device the sign-in named or, in a pool that tracks devices, to a new one (reference §2.8.4 I).
 */
export async function issueTokens(context: Context, resolved: ClientAndPool, user: User, state: TokenState = {}): Promise<AuthResult> {
  const { client, pool } = resolved;
  const { deviceKey, newDevice } = await deviceForTokens(context, pool, user, state.deviceKey);
  const grant = await createGrant(context, client, user.sub, deviceKey);
  const tokens = await signTokens(context, resolved, user, grant, state.tokenSource ?? 'TokenGeneration_Authentication');
  const result: AuthResult['AuthenticationResult'] = { ...tokens, RefreshToken: grant.refreshToken, ...(newDevice ? { NewDeviceMetadata: newDevice } : {}) };
  return { ChallengeParameters: {}, AuthenticationResult: result };
}
