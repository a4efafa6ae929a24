import { z } from 'zod';
import { adminDeleteUserAttributes } from '../../../userpool/admin/user-attributes.js';
import { adminOperation } from '../../operation.js';
import { adminUser, attributeName } from './admin-shapes.js';

export default adminOperation(z.object({ ...adminUser, UserAttributeNames: z.array(attributeName) }), async (context, input) => {
  await adminDeleteUserAttributes(context, input);
  return {};
});
