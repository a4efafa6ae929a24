import { z } from 'zod';
import { adminForgetDevice } from '../../userpool/devices/admin.js';
import { adminOperation } from '../operation.js';
import { adminUser } from './admin-users/admin-shapes.js';
import { deviceKey } from './device-shapes.js';

export default adminOperation(z.object({ ...adminUser, DeviceKey: deviceKey }), async (context, input) => {
  await adminForgetDevice(context, input);
  return {};
});
