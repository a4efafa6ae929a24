import type { AuthContext } from '../core/context.js';
import { unauthenticated } from '../errors.js';
import { getTokens } from '../tokens/get-tokens.js';
import type { EssentialCredentials, ICredentials } from '../types.js';
import { identityPool, type IdentityCredentials } from './identity-pool.js';
import { sessionCredentials } from './session-credentials.js';

export const toICredentials = ({ credentials, identityId, authenticated }: IdentityCredentials): ICredentials => ({ ...credentials, identityId, authenticated });

/**
 * The current AWS credentials (Amplify v5's `Auth.currentCredentials`): the signed-in or federated
 * user's, or a guest's when the pool allows guests; renewed when due. Nobody signed in and no guest
 * access: `UserUnAuthenticatedException`.
 *
 * @example
 * const s3 = new S3Client({ region, credentials: essentialCredentials(await currentCredentials()) });
 */
export async function currentCredentials(ctx: AuthContext): Promise<ICredentials> {
  identityPool(ctx); // InvalidIdentityPoolIdException without a usable pool id
  const value = await sessionCredentials(ctx, await getTokens(ctx));
  if (!value) throw unauthenticated();
  return toICredentials(value);
}

/**
 * The fields of credentials an AWS SDK client takes, as Amplify v5's `Auth.essentialCredentials`.
 *
 * @example
 * const { accessKeyId, secretAccessKey, sessionToken } = essentialCredentials(await currentCredentials());
 */
export const essentialCredentials = ({ accessKeyId, sessionToken, secretAccessKey, identityId, authenticated }: ICredentials): EssentialCredentials => ({
  accessKeyId,
  sessionToken,
  secretAccessKey,
  identityId,
  authenticated,
});
