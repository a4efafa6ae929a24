import { z } from 'zod';
import { adminDisableUser } from '../../../userpool/admin/users.js';
import { adminOperation } from '../../operation.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object(adminUser), async (context, input) => {
  await adminDisableUser(context, input);
  return {};
});
