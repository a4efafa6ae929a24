import { z } from 'zod';
import { adminUpdateUserAttributes } from '../../../userpool/admin/user-attributes.js';
import { adminOperation } from '../../operation.js';
import { attributeList, stringMap } from '../shapes.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object({ ...adminUser, UserAttributes: attributeList, ClientMetadata: stringMap.optional() }), async (context, input) => {
  await adminUpdateUserAttributes(context, input);
  return {};
});
