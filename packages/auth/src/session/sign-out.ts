import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { forgetIdentity } from '../identity/forget-identity.js';
import { getTokens } from '../tokens/get-tokens.js';
import { clearTokens, loadTokens } from '../tokens/token-store.js';
import type { SignOutInput } from '../types.js';

/**
 * Signs out: revokes the refresh token (and the tokens issued from it) on the server, then clears
 * the local session, the identity-pool credentials and identity id, and a federated sign-in.
 * `{ global: true }` ends every session of the user, on every device. Server errors do not stop
 * the local sign-out, as in Amplify.
 *
 * @example
 * await signOut({ global: true });
 */
export async function signOut(ctx: AuthContext, input: SignOutInput = {}): Promise<void> {
  try {
    if (input.global) {
      // GlobalSignOut needs a live access token: refresh first when it has expired.
      const tokens = await getTokens(ctx);
      if (tokens) await callUserPool(ctx, 'GlobalSignOut', { AccessToken: tokens.accessToken.toString() });
    } else {
      const tokens = await loadTokens(ctx);
      // Only tokens with origin_jti can be revoked (reference §9 #17).
      if (tokens?.refreshToken && tokens.accessToken.payload.origin_jti) {
        await callUserPool(ctx, 'RevokeToken', { ClientId: ctx.config.userPoolClientId, Token: tokens.refreshToken });
      }
    }
  } catch {
    // The local session ends whatever the server said.
  }
  await clearTokens(ctx);
  await forgetIdentity(ctx);
  ctx.hub.dispatch('auth', { event: 'signedOut' }, 'Auth');
}
