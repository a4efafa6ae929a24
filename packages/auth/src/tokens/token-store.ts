import type { AuthContext } from '../core/context.js';
import { decodeJWT, type JWT } from '../core/jwt.js';
import type { CognitoAuthSignInDetails } from '../types.js';

export interface DeviceMetadata {
  deviceKey: string;
  deviceGroupKey: string;
  randomPassword: string;
}

export interface CognitoAuthTokens {
  accessToken: JWT;
  idToken?: JWT | undefined;
  refreshToken?: string | undefined;
  /** Server time minus client time, in ms, measured from the access token's `iat`. */
  clockDrift: number;
  username: string;
  signInDetails?: CognitoAuthSignInDetails | undefined;
  deviceMetadata?: DeviceMetadata | undefined;
}

// Amplify v6's keys (reference §4.5), so a user Amplify signed in stays signed in:
// CognitoIdentityServiceProvider.<clientId>.LastAuthUser and …<clientId>.<username>.<item>.
const prefix = (ctx: AuthContext) => `CognitoIdentityServiceProvider.${ctx.config.userPoolClientId}`;
const lastAuthUserKey = (ctx: AuthContext) => `${prefix(ctx)}.LastAuthUser`;
const keyOf = (ctx: AuthContext, username: string, item: string) => `${prefix(ctx)}.${username}.${item}`;

/** The active username; Amplify falls back to the literal 'username'. */
export const lastAuthUser = async (ctx: AuthContext) => (await ctx.storage.getItem(lastAuthUserKey(ctx))) ?? 'username';

export async function loadTokens(ctx: AuthContext): Promise<CognitoAuthTokens | null> {
  const username = await lastAuthUser(ctx);
  const get = (item: string) => ctx.storage.getItem(keyOf(ctx, username, item));
  try {
    const access = await get('accessToken');
    if (!access) return null;
    const id = await get('idToken');
    const details = await get('signInDetails');
    return {
      accessToken: decodeJWT(access),
      idToken: id ? decodeJWT(id) : undefined,
      refreshToken: (await get('refreshToken')) ?? undefined,
      clockDrift: Number.parseInt((await get('clockDrift')) ?? '0') || 0,
      username,
      signInDetails: details ? JSON.parse(details) : undefined,
      deviceMetadata: (await loadDeviceMetadata(ctx, username)) ?? undefined,
    };
  } catch {
    return null;
  }
}

export async function storeTokens(ctx: AuthContext, tokens: CognitoAuthTokens): Promise<void> {
  const { storage } = ctx;
  const key = (item: string) => keyOf(ctx, tokens.username, item);
  const setOrRemove = (item: string, value: string | undefined) => (value ? storage.setItem(key(item), value) : storage.removeItem(key(item)));
  try {
    await storage.setItem(lastAuthUserKey(ctx), tokens.username);
    await storage.setItem(key('accessToken'), tokens.accessToken.toString());
    await setOrRemove('idToken', tokens.idToken?.toString());
    await setOrRemove('refreshToken', tokens.refreshToken);
    const device = tokens.deviceMetadata;
    if (device) {
      await storage.setItem(key('deviceKey'), device.deviceKey);
      await storage.setItem(key('deviceGroupKey'), device.deviceGroupKey);
      await storage.setItem(key('randomPasswordKey'), device.randomPassword);
    }
    await setOrRemove('signInDetails', tokens.signInDetails && JSON.stringify(tokens.signInDetails));
    await storage.setItem(key('clockDrift'), String(tokens.clockDrift));
  } catch (error) {
    // Half a session (say, tokens without the refresh token a cookie could not hold) is worse than none.
    await clearTokens(ctx).catch(() => {});
    throw error;
  }
}

/** Removes the session; device metadata stays, as it outlives sessions. */
export async function clearTokens(ctx: AuthContext): Promise<void> {
  const username = await lastAuthUser(ctx);
  const items = ['accessToken', 'idToken', 'clockDrift', 'refreshToken', 'signInDetails', 'oauthMetadata'];
  await Promise.all([...items.map((item) => ctx.storage.removeItem(keyOf(ctx, username, item))), ctx.storage.removeItem(lastAuthUserKey(ctx))]);
}

export async function loadDeviceMetadata(ctx: AuthContext, username?: string): Promise<DeviceMetadata | null> {
  const user = username ?? (await lastAuthUser(ctx));
  const get = (item: string) => ctx.storage.getItem(keyOf(ctx, user, item));
  const [deviceKey, deviceGroupKey, randomPassword] = await Promise.all([get('deviceKey'), get('deviceGroupKey'), get('randomPasswordKey')]);
  return deviceKey && deviceGroupKey && randomPassword ? { deviceKey, deviceGroupKey, randomPassword } : null;
}

export async function clearDeviceMetadata(ctx: AuthContext, username?: string): Promise<void> {
  const user = username ?? (await lastAuthUser(ctx));
  await Promise.all(['deviceKey', 'deviceGroupKey', 'randomPasswordKey'].map((item) => ctx.storage.removeItem(keyOf(ctx, user, item))));
}

/** Tokens from an AuthenticationResult, with the drift measured now (Amplify's cacheCognitoTokens). */
export function tokensFromResult(
  ctx: AuthContext,
  result: { AccessToken?: string; IdToken?: string; RefreshToken?: string },
  username: string,
): Omit<CognitoAuthTokens, 'signInDetails' | 'deviceMetadata'> {
  const accessToken = decodeJWT(result.AccessToken ?? '');
  const iat = accessToken.payload.iat;
  return {
    accessToken,
    idToken: result.IdToken ? decodeJWT(result.IdToken) : undefined,
    refreshToken: result.RefreshToken,
    clockDrift: iat ? iat * 1000 - ctx.now() : 0,
    username,
  };
}
