import { z } from 'zod';
import { adminCreateUser } from '../../../userpool/admin/create-user.js';
import { adminOperation } from '../../operation.js';
import { attributeList, password, stringMap } from '../shapes.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(
  z.object({
    ...adminUser,
    UserAttributes: attributeList.optional(),
    ValidationData: attributeList.optional(),
    TemporaryPassword: password.optional(),
    ForceAliasCreation: z.boolean().optional(),
    MessageAction: z.enum(['RESEND', 'SUPPRESS']).optional(),
    DesiredDeliveryMediums: z.array(z.enum(['SMS', 'EMAIL'])).optional(),
    ClientMetadata: stringMap.optional(),
  }),
  (context, input) => adminCreateUser(context, input),
);
