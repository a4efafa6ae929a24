import type { AuthContext } from '../core/context.js';
import { signOut } from '../session/sign-out.js';
import { clearDeviceMetadata } from '../tokens/token-store.js';
import { callAsUser } from './access-token.js';

/** Deletes the signed-in user, then signs out locally. */
export async function deleteUser(ctx: AuthContext): Promise<void> {
  await callAsUser(ctx, 'DeleteUser');
  await clearDeviceMetadata(ctx);
  await signOut(ctx);
}
