import { z } from 'zod';
import { deleteUser } from '../../userpool/self-service.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token }), async (context, input) => {
  await deleteUser(context, input.AccessToken);
  return {};
});
