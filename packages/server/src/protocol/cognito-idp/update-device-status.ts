import { z } from 'zod';
import { updateDeviceStatus } from '../../userpool/devices/self-service.js';
import { operation } from '../operation.js';
import { deviceKey, deviceRememberedStatus } from './device-shapes.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token, DeviceKey: deviceKey, DeviceRememberedStatus: deviceRememberedStatus.optional() }), async (context, input) => {
  await updateDeviceStatus(context, input);
  return {};
});
