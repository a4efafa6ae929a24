import { z } from 'zod';
import { listGroups } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { paginationKey, queryLimit, userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, Limit: queryLimit.optional(), NextToken: paginationKey.optional() }), (context, { UserPoolId, ...request }) =>
  listGroups(context, UserPoolId, request),
);
