import type { User } from '../../store/users.js';
import type { ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { createGrant } from '../grants.js';
import { signTokens } from '../tokens.js';
import type { AuthResult } from './result.js';

/** The end of every sign-in: a new grant, its refresh token, and ID and access tokens. */
export async function issueTokens(context: Context, { client }: ClientAndPool, user: User): Promise<AuthResult> {
  const grant = await createGrant(context, client, user.sub);
  const tokens = await signTokens(context, client, user, grant);
  return { ChallengeParameters: {}, AuthenticationResult: { ...tokens, RefreshToken: grant.refreshToken } };
}
