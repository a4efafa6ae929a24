import { z } from 'zod';
import { confirmDevice } from '../../userpool/devices/confirm.js';
import { operation } from '../operation.js';
import { deviceKey } from './device-shapes.js';
import { token } from './shapes.js';

export default operation(
  z.object({
    AccessToken: token,
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: z.object({ PasswordVerifier: z.string().max(2048).optional(), Salt: z.string().max(2048).optional() }).optional(),
    DeviceName: z.string().min(1).max(1024).optional(),
  }),
  (context, input) => confirmDevice(context, input),
);
