import { z } from 'zod';
import { forgetDevice } from '../../userpool/devices/self-service.js';
import { operation } from '../operation.js';
import { deviceKey } from './device-shapes.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token, DeviceKey: deviceKey }), async (context, input) => {
  await forgetDevice(context, input);
  return {};
});
