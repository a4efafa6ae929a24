import { z } from 'zod';
import { verifySoftwareToken } from '../../userpool/mfa/software-token.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(
  z.object({
    AccessToken: token.optional(),
    Session: z.string().max(2048).optional(),
    UserCode: z.string().min(6).max(6).regex(/^[0-9]+$/),
    FriendlyDeviceName: z.string().max(131072).optional(),
  }),
  (context, input) => verifySoftwareToken(context, input),
);
