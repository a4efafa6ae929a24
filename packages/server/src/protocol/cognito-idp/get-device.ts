import { z } from 'zod';
import { getDevice } from '../../userpool/devices/self-service.js';
import { operation } from '../operation.js';
import { deviceKey } from './device-shapes.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token, DeviceKey: deviceKey }), (context, input) => getDevice(context, input));
