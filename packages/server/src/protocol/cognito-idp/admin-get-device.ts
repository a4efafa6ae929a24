import { z } from 'zod';
import { adminGetDevice } from '../../userpool/devices/admin.js';
import { adminOperation } from '../operation.js';
import { adminUser } from './admin-users/admin-shapes.js';
import { deviceKey } from './device-shapes.js';

export default adminOperation(z.object({ ...adminUser, DeviceKey: deviceKey }), (context, input) => adminGetDevice(context, input));
