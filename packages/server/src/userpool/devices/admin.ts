import { adminUser, type AdminUserRequest } from '../admin/users.js';
import type { Context } from '../context.js';
import { describeDevice, forgetDeviceOf, listDevicesOf, setDeviceStatus, type DeviceRememberedStatus } from './manage.js';

/** The device operations an administrator calls for a user named by pool and username. */

export async function adminGetDevice(context: Context, request: AdminUserRequest & { DeviceKey: string }) {
  const { user } = await adminUser(context, request);
  return describeDevice(context, user, request.DeviceKey);
}

export async function adminListDevices(context: Context, request: AdminUserRequest & { Limit?: number | undefined; PaginationToken?: string | undefined }) {
  const { user } = await adminUser(context, request);
  return listDevicesOf(context, user, request.Limit, request.PaginationToken);
}

export async function adminUpdateDeviceStatus(
  context: Context,
  request: AdminUserRequest & { DeviceKey: string; DeviceRememberedStatus?: DeviceRememberedStatus | undefined },
): Promise<void> {
  const { user } = await adminUser(context, request);
  await setDeviceStatus(context, user, request.DeviceKey, request.DeviceRememberedStatus);
}

export async function adminForgetDevice(context: Context, request: AdminUserRequest & { DeviceKey: string }): Promise<void> {
  const { user } = await adminUser(context, request);
  await forgetDeviceOf(context, user, request.DeviceKey);
}
