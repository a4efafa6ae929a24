import { userStore } from '../store/users.js';
import { userForAccessToken } from './access-token-user.js';
import { toAttributeList, type AttributeType } from './attributes.js';
import type { Context } from './context.js';
import { revokeUserGrants } from './grants.js';
import { deleteCodes } from './codes.js';

/** GetUser: the user's name and attributes, `sub` first. */
export async function getUser(context: Context, accessToken: string) {
  const { user } = await userForAccessToken(context, accessToken);
  return { Username: user.username, UserAttributes: toAttributeList(user.sub, user.attributes) as AttributeType[] };
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
    await tx.deleteFrom('group_members').where('pool_id', '=', user.poolId).where('sub', '=', user.sub).execute();
    await userStore.delete(tx, user);
  });
  await deleteCodes(context, user);
}
