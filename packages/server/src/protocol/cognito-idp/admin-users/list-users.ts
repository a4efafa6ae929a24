import { z } from 'zod';
import { listUsers } from '../../../userpool/admin/list-users.js';
import { adminOperation } from '../../operation.js';
import { attributeName, userPoolId } from './admin-shapes.js';

export default adminOperation(
  z.object({
    UserPoolId: userPoolId,
    AttributesToGet: z.array(attributeName).optional(),
    Limit: z.number().int().min(0).max(60).optional(),
    PaginationToken: z.string().min(1).regex(/^[\S]+$/).optional(),
    Filter: z.string().max(256).optional(),
  }),
  (context, input) => listUsers(context, input),
);
