import { z } from 'zod';
import { deleteUserAttributes } from '../../userpool/user-attributes.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token, UserAttributeNames: z.array(z.string().min(1).max(32)).max(100) }), async (context, input) => {
  await deleteUserAttributes(context, input.AccessToken, input.UserAttributeNames);
  return {};
});
