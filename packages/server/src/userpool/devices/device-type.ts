import type { AttributeType } from '../attributes.js';
import { epochSecondsWithFraction } from '../admin/user-type.js';
import type { Device } from './store.js';

/** Cognito's DeviceType. */
export interface DeviceType {
  DeviceKey: string;
  DeviceAttributes: AttributeType[];
  DeviceCreateDate: number;
  DeviceLastModifiedDate: number;
  DeviceLastAuthenticatedDate?: number;
}

/** The attributes Cognito reports for a device; a name or address not known is left out. */
export function deviceType(device: Device): DeviceType {
  const attributes: AttributeType[] = [{ Name: 'device_status', Value: device.remembered ? 'remembered' : 'not_remembered' }];
  if (device.name !== null) attributes.push({ Name: 'device_name', Value: device.name });
  if (device.lastIp !== null) attributes.push({ Name: 'last_ip_used', Value: device.lastIp });
  return {
    DeviceKey: device.key,
    DeviceAttributes: attributes,
    DeviceCreateDate: epochSecondsWithFraction(device.createdAt),
    DeviceLastModifiedDate: epochSecondsWithFraction(device.updatedAt),
    ...(device.lastAuthenticatedAt !== null ? { DeviceLastAuthenticatedDate: epochSecondsWithFraction(device.lastAuthenticatedAt) } : {}),
  };
}
