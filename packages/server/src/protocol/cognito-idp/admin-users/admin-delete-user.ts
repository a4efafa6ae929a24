import { z } from 'zod';
import { adminDeleteUser } from '../../../userpool/admin/users.js';
import { adminOperation } from '../../operation.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object(adminUser), async (context, input) => {
  await adminDeleteUser(context, input);
  return {};
});
