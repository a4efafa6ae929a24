import { z } from 'zod';
import { globalSignOut } from '../../userpool/self-service.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token }), async (context, input) => {
  await globalSignOut(context, input.AccessToken);
  return {};
});
