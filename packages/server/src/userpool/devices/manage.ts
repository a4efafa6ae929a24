import { z } from 'zod';
import { fail } from '../../errors.js';
import { pageSize, readPage } from '../admin/paging.js';
import type { Context } from '../context.js';
import { deviceType, type DeviceType } from './device-type.js';
import { deviceStore, type Device, type DeviceOwner } from './store.js';

/** Amplify matches this text to drop a device key it holds and sign in without it. */
export const deviceDoesNotExist = 'Device does not exist.';

export type DeviceRememberedStatus = 'remembered' | 'not_remembered';

/** One of the user's devices, or ResourceNotFoundException. */
export async function ownDevice(context: Context, owner: DeviceOwner, deviceKey: string): Promise<Device> {
  return (await deviceStore.find(context.db, owner, deviceKey)) ?? fail('ResourceNotFoundException', deviceDoesNotExist);
}

/** GetDevice and AdminGetDevice. */
export async function describeDevice(context: Context, owner: DeviceOwner, deviceKey: string): Promise<{ Device: DeviceType }> {
  return { Device: deviceType(await ownDevice(context, owner, deviceKey)) };
}

const cursor = z.object({ at: z.number(), key: z.string() });

/** ListDevices and AdminListDevices: oldest first, `Limit` at a time (60 when absent or 0). */
export async function listDevicesOf(
  context: Context,
  owner: DeviceOwner,
  limit: number | undefined,
  paginationToken: string | undefined,
): Promise<{ Devices: DeviceType[]; PaginationToken?: string }> {
  const page = await readPage(
    { limit: pageSize(limit), token: paginationToken, cursor },
    (count, after) => deviceStore.page(context.db, owner, after, count),
    (device) => ({ at: device.createdAt, key: device.key }),
  );
  const Devices = page.items.map(deviceType);
  return page.nextToken ? { Devices, PaginationToken: page.nextToken } : { Devices };
}

/** UpdateDeviceStatus and AdminUpdateDeviceStatus: only a remembered, confirmed device stands in for MFA. */
export async function setDeviceStatus(context: Context, owner: DeviceOwner, deviceKey: string, status: DeviceRememberedStatus | undefined): Promise<void> {
  const device = await ownDevice(context, owner, deviceKey);
  const remembered = status === undefined ? device.remembered : status === 'remembered';
  await deviceStore.update(context.db, device, { remembered: remembered ? 1 : 0, updated_at: context.clock.now() });
}

/** ForgetDevice and AdminForgetDevice: the device is gone, and with it the refresh of tokens issued on it. */
export async function forgetDeviceOf(context: Context, owner: DeviceOwner, deviceKey: string): Promise<void> {
  await deviceStore.delete(context.db, await ownDevice(context, owner, deviceKey));
}
