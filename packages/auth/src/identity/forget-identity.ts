import type { AuthContext } from '../core/context.js';
import { clearFederatedInfo } from './federated-info.js';
import { removeGuestIdentityId } from './identity-id-store.js';

/**
 * At sign-out, as Amplify's clearCredentialsAndIdentityId: credentials and identity ids in memory,
 * the stored guest identity id, and the federated sign-in. A fetch still in flight lands in the
 * state it started with, which nothing reads any more.
 */
export async function forgetIdentity(ctx: AuthContext): Promise<void> {
  ctx.identity = {};
  await clearFederatedInfo(ctx);
  if (ctx.config.identityPoolId) await removeGuestIdentityId(ctx);
}
