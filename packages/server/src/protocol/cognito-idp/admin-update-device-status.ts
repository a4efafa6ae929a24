import { z } from 'zod';
import { adminUpdateDeviceStatus } from '../../userpool/devices/admin.js';
import { adminOperation } from '../operation.js';
import { adminUser } from './admin-users/admin-shapes.js';
import { deviceKey, deviceRememberedStatus } from './device-shapes.js';

export default adminOperation(z.object({ ...adminUser, DeviceKey: deviceKey, DeviceRememberedStatus: deviceRememberedStatus.optional() }), async (context, input) => {
  await adminUpdateDeviceStatus(context, input);
  return {};
});
