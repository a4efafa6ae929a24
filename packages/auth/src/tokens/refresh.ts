import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { AuthError, unauthenticated } from '../errors.js';
import { tokensFromResult, type CognitoAuthTokens } from './token-store.js';

/**
 * New tokens for a refresh token, by GetTokensFromRefreshToken (Amplify ≥ 6.15.4) or InitiateAuth
 * REFRESH_TOKEN_AUTH. A rotating client answers with a new refresh token; otherwise the old one stays.
 */
export async function refreshTokens(ctx: AuthContext, tokens: CognitoAuthTokens): Promise<CognitoAuthTokens> {
  const { refreshToken, deviceMetadata } = tokens;
  if (!refreshToken) throw unauthenticated();
  const ClientId = ctx.config.userPoolClientId;
  const DeviceKey = deviceMetadata?.deviceKey;
  const { AuthenticationResult: result = {} } =
    ctx.refreshOperation === 'REFRESH_TOKEN_AUTH'
      ? await callUserPool(ctx, 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: refreshToken, DEVICE_KEY: DeviceKey } })
      : await callUserPool(ctx, 'GetTokensFromRefreshToken', { ClientId, RefreshToken: refreshToken, DeviceKey });
  const refreshed = tokensFromResult(ctx, result, tokens.username);
  // Expiry is judged against the drift this token measures; without iat there is none (Amplify throws too).
  if (!refreshed.accessToken.payload.iat) throw new AuthError({ name: 'iatNotFoundException', message: 'iat not found in access token' });
  return { ...tokens, ...refreshed, refreshToken: refreshed.refreshToken ?? refreshToken };
}
