import { z } from 'zod';
import { adminResetUserPassword } from '../../../userpool/admin/passwords.js';
import { adminOperation } from '../../operation.js';
import { stringMap } from '../shapes.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object({ ...adminUser, ClientMetadata: stringMap.optional() }), async (context, input) => {
  await adminResetUserPassword(context, input);
  return {};
});
