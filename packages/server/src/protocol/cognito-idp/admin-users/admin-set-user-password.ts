import { z } from 'zod';
import { adminSetUserPassword } from '../../../userpool/admin/passwords.js';
import { adminOperation } from '../../operation.js';
import { password } from '../shapes.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object({ ...adminUser, Password: password, Permanent: z.boolean().optional() }), async (context, input) => {
  await adminSetUserPassword(context, input);
  return {};
});
