import type { AuthContext } from '../core/context.js';
import { AuthError } from '../errors.js';
import { clearDeviceMetadata, loadDeviceMetadata } from '../tokens/token-store.js';
import type { AuthDevice } from '../types.js';
import { callAsUser } from './access-token.js';

async function currentDeviceKey(ctx: AuthContext): Promise<string> {
  const device = await loadDeviceMetadata(ctx);
  if (!device) {
    throw new AuthError({
      name: 'DeviceMetadataNotFoundException',
      message: 'Either deviceKey, deviceGroupKey or secretPassword were not found during the sign-in process.',
      recoverySuggestion: 'Make sure to not clear storage after calling the signIn API.',
    });
  }
  return device.deviceKey;
}

/** Marks this device as remembered: later sign-ins from it may skip MFA. */
export async function rememberDevice(ctx: AuthContext): Promise<void> {
  await callAsUser(ctx, 'UpdateDeviceStatus', { DeviceKey: await currentDeviceKey(ctx), DeviceRememberedStatus: 'remembered' });
}

/** Forgets a device (this one by default); forgetting this one also drops its local key. */
export async function forgetDevice(ctx: AuthContext, input: { device?: { id: string } } = {}): Promise<void> {
  const current = (await loadDeviceMetadata(ctx))?.deviceKey;
  const target = input.device?.id ?? (await currentDeviceKey(ctx));
  await callAsUser(ctx, 'ForgetDevice', { DeviceKey: target });
  if (target === current) await clearDeviceMetadata(ctx);
}

const date = (seconds?: number) => (seconds ? new Date(seconds * 1000) : undefined);

interface DeviceType {
  DeviceKey?: string;
  DeviceAttributes?: { Name?: string; Value?: string }[];
  DeviceCreateDate?: number;
  DeviceLastModifiedDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

/** The user's remembered and tracked devices (up to 60, as Amplify asks). */
export async function fetchDevices(ctx: AuthContext): Promise<AuthDevice[]> {
  const { Devices = [] } = await callAsUser<{ Devices?: DeviceType[] }>(ctx, 'ListDevices', { Limit: 60 });
  return Devices.map((device) => {
    const attributes: Record<string, string> = {};
    for (const { Name, Value } of device.DeviceAttributes ?? []) if (Name && Value) attributes[Name] = Value;
    return {
      id: device.DeviceKey ?? '',
      name: attributes.device_name,
      attributes,
      createDate: date(device.DeviceCreateDate),
      lastModifiedDate: date(device.DeviceLastModifiedDate),
      lastAuthenticatedDate: date(device.DeviceLastAuthenticatedDate),
    };
  });
}
