import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { deviceForTokens } from '../devices/tracking.js';
import { createGrant } from '../grants.js';
import { signTokens } from '../tokens.js';
import type { AuthResult } from './result.js';
import type { SignInState } from './sessions.js';

/**
 * The end of every sign-in: a new grant, its refresh token, and ID and access tokens, bound to the
 * device the sign-in named or, in a pool that tracks devices, to a new one (reference §2.8.4 I).
 */
export async function issueTokens(context: Context, { client, pool }: ClientAndPool, user: User, state: Pick<SignInState, 'deviceKey'> = {}): Promise<AuthResult> {
  const { deviceKey, newDevice } = await deviceForTokens(context, pool, user, state.deviceKey);
  const grant = await createGrant(context, client, user.sub, deviceKey);
  const tokens = await signTokens(context, client, user, grant);
  const result: AuthResult['AuthenticationResult'] = { ...tokens, RefreshToken: grant.refreshToken, ...(newDevice ? { NewDeviceMetadata: newDevice } : {}) };
  return { ChallengeParameters: {}, AuthenticationResult: result };
}
