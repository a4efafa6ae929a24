import type { AuthContext } from '../core/context.js';

// Amplify v6 keeps a guest's identity id in storage under this key and a signed-in user's in memory
// only (DefaultIdentityIdStore), so a guest keeps their identity across reloads and into sign-in.
const guestIdentityIdKey = (ctx: AuthContext) => `com.amplify.Cognito.${ctx.config.identityPoolId}.identityId`;

export const loadGuestIdentityId = async (ctx: AuthContext): Promise<string | undefined> =>
  (await ctx.storage.getItem(guestIdentityIdKey(ctx))) ?? undefined;

export const storeGuestIdentityId = async (ctx: AuthContext, identityId: string): Promise<void> =>
  ctx.storage.setItem(guestIdentityIdKey(ctx), identityId);

export const removeGuestIdentityId = async (ctx: AuthContext): Promise<void> => ctx.storage.removeItem(guestIdentityIdKey(ctx));
