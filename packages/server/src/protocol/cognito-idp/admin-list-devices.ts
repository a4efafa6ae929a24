import { z } from 'zod';
import { adminListDevices } from '../../userpool/devices/admin.js';
import { adminOperation } from '../operation.js';
import { adminUser } from './admin-users/admin-shapes.js';
import { deviceListLimit, paginationToken } from './device-shapes.js';

export default adminOperation(z.object({ ...adminUser, Limit: deviceListLimit.optional(), PaginationToken: paginationToken.optional() }), (context, input) =>
  adminListDevices(context, input),
);
