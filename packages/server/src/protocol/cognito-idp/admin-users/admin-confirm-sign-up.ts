import { z } from 'zod';
import { adminConfirmSignUp } from '../../../userpool/admin/users.js';
import { adminOperation } from '../../operation.js';
import { stringMap } from '../shapes.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object({ ...adminUser, ClientMetadata: stringMap.optional() }), async (context, input) => {
  await adminConfirmSignUp(context, input);
  return {};
});
