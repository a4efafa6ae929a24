import { z } from 'zod';
import { verifyUserAttribute } from '../../userpool/user-attributes.js';
import { operation } from '../operation.js';
import { confirmationCode, token } from './shapes.js';

export default operation(z.object({ AccessToken: token, AttributeName: z.string().min(1).max(32), Code: confirmationCode }), async (context, input) => {
  await verifyUserAttribute(context, input.AccessToken, input.AttributeName, input.Code);
  return {};
});
