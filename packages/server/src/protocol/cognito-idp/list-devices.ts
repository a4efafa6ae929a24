import { z } from 'zod';
import { listDevices } from '../../userpool/devices/self-service.js';
import { operation } from '../operation.js';
import { deviceListLimit, paginationToken } from './device-shapes.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token, Limit: deviceListLimit.optional(), PaginationToken: paginationToken.optional() }), (context, input) =>
  listDevices(context, input),
);
