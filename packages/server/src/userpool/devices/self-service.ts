import { userForAccessToken } from '../access-token-user.js';
import type { Context } from '../context.js';
import { describeDevice, forgetDeviceOf, listDevicesOf, setDeviceStatus, type DeviceRememberedStatus } from './manage.js';

/** The device operations a signed-in user calls with an access token. */

export async function getDevice(context: Context, request: { AccessToken: string; DeviceKey: string }) {
  const { user } = await userForAccessToken(context, request.AccessToken);
  return describeDevice(context, user, request.DeviceKey);
}

export async function listDevices(context: Context, request: { AccessToken: string; Limit?: number | undefined; PaginationToken?: string | undefined }) {
  const { user } = await userForAccessToken(context, request.AccessToken);
  return listDevicesOf(context, user, request.Limit, request.PaginationToken);
}

export async function updateDeviceStatus(
  context: Context,
  request: { AccessToken: string; DeviceKey: string; DeviceRememberedStatus?: DeviceRememberedStatus | undefined },
): Promise<void> {
  const { user } = await userForAccessToken(context, request.AccessToken);
  await setDeviceStatus(context, user, request.DeviceKey, request.DeviceRememberedStatus);
}

export async function forgetDevice(context: Context, request: { AccessToken: string; DeviceKey: string }): Promise<void> {
  const { user } = await userForAccessToken(context, request.AccessToken);
  await forgetDeviceOf(context, user, request.DeviceKey);
}
