import { deleteUserData } from '../store/users.js';
import { userForAccessToken } from './access-token-user.js';
import { toAttributeList, type AttributeType } from './attributes.js';
import type { Context } from './context.js';
import { revokeUserGrants } from './grants.js';
import { deleteCodes } from './codes.js';
import { loadUserMfa, mfaSettingsOf } from './mfa/factors.js';

/** GetUser: the user's name and attributes, `sub` first. */
export async function getUser(context: Context, accessToken: string) {
  const { user } = await userForAccessToken(context, accessToken);
  const mfa = mfaSettingsOf(await loadUserMfa(context.db, user));
  return { Username: user.username, UserAttributes: toAttributeList(user.sub, user.attributes) as AttributeType[], ...mfa };
}

/** GlobalSignOut: every refresh token of the user ends, and the access tokens they produced. */
export async function globalSignOut(context: Context, accessToken: string): Promise<void> {
  const { user } = await userForAccessToken(context, accessToken);
  await revokeUserGrants(context, user.poolId, user.sub);
}

/**
 * DeleteUser: the user and what hangs off it are gone. Its tokens then name a user that does not
 * exist, which is what Cognito answers for them (UserNotFoundException).
 */
export async function deleteUser(context: Context, accessToken: string): Promise<void> {
  const { user } = await userForAccessToken(context, accessToken);
  await context.db.transaction().execute(async (tx) => {
    await deleteUserData(tx, user);
  });
  await deleteCodes(context, user);
}
