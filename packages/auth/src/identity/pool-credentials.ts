import type { AuthContext } from '../core/context.js';
import type { JWT } from '../core/jwt.js';
import { AuthError, isAuthError, unauthenticated } from '../errors.js';
import type { CognitoAuthTokens } from '../tokens/token-store.js';
import { cachedCredentials, loginsKey } from './credentials-cache.js';
import { loadGuestIdentityId, removeGuestIdentityId, storeGuestIdentityId } from './identity-id-store.js';
import { getCredentialsForIdentity, getId, type IdentityCredentials, type Logins } from './identity-pool.js';

/** A user-pool session's Logins, as Amplify forms them: the ID token under its issuer without the scheme (reference §5.2). */
export function userPoolLogins(idToken: JWT): Logins {
  const issuer = idToken.payload.iss;
  if (!issuer) throw new AuthError({ name: 'InvalidIdTokenException', message: 'Invalid Idtoken.' });
  return { [issuer.replace(/^\w+:\/\//, '')]: idToken.toString() };
}

/** A guest's identity (kept in storage, as Amplify) and unauthenticated-role credentials. */
export function guestCredentials(ctx: AuthContext, forceRefresh: boolean): Promise<IdentityCredentials> {
  const key = loginsKey();
  return cachedCredentials(ctx, key, forceRefresh, async () => {
    const value = await withGuestIdentityId(ctx, {}, (identityId) => getCredentialsForIdentity(ctx, identityId));
    await storeGuestIdentityId(ctx, value.identityId);
    return { key, value };
  });
}

/**
 * The signed-in user's identity and credentials. A guest's identity id, when there is one, is sent
 * with the user's logins, so the guest's identity becomes the user's (reference §5.3); the id the
 * server answers is then kept in memory for this user only, and the guest's is forgotten.
 */
export function userPoolCredentials(ctx: AuthContext, tokens: CognitoAuthTokens, forceRefresh: boolean): Promise<IdentityCredentials> {
  if (!tokens.idToken) throw unauthenticated();
  const logins = userPoolLogins(tokens.idToken);
  const { iss, sub } = tokens.idToken.payload;
  const owner = `${iss} ${sub}`;
  const key = loginsKey(logins);
  return cachedCredentials(ctx, key, forceRefresh, async () => {
    const state = ctx.identity;
    const primary = state.primary?.owner === owner ? state.primary.identityId : undefined;
    const value = primary
      ? await getCredentialsForIdentity(ctx, primary, logins)
      : await withGuestIdentityId(ctx, logins, (identityId) => getCredentialsForIdentity(ctx, identityId, logins));
    state.primary = { identityId: value.identityId, owner };
    await removeGuestIdentityId(ctx);
    return { key, value };
  });
}

/**
 * Runs `use` with the stored guest identity id, or a new one from GetId. A stored id the pool no
 * longer knows, or that has since become someone's, is dropped for a new one once (as Amplify v5 did
 * for a deleted identity), instead of failing every call after.
 */
async function withGuestIdentityId(ctx: AuthContext, logins: Logins, use: (identityId: string) => Promise<IdentityCredentials>): Promise<IdentityCredentials> {
  const stored = await loadGuestIdentityId(ctx);
  if (stored) {
    try {
      return await use(stored);
    } catch (error) {
      if (!isAuthError(error, 'ResourceNotFoundException') && !isAuthError(error, 'NotAuthorizedException')) throw error;
      await removeGuestIdentityId(ctx);
    }
  }
  return use(await getId(ctx, logins));
}
