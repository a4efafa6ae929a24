import { z } from 'zod';
import { getUserAttributeVerificationCode } from '../../userpool/user-attributes.js';
import { operation } from '../operation.js';
import { ignored, token } from './shapes.js';

export default operation(z.object({ AccessToken: token, AttributeName: z.string().min(1).max(32), ...ignored }), async (context, input) => ({
  CodeDeliveryDetails: await getUserAttributeVerificationCode(context, input.AccessToken, input.AttributeName),
}));
