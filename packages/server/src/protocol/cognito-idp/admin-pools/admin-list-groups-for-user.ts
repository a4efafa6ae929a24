import { z } from 'zod';
import { listGroupsForUser } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { username } from '../shapes.js';
import { paginationKey, queryLimit, userPoolId } from './shapes.js';

export default adminOperation(
  z.object({ UserPoolId: userPoolId, Username: username, Limit: queryLimit.optional(), NextToken: paginationKey.optional() }),
  (context, { UserPoolId, Username, ...request }) => listGroupsForUser(context, UserPoolId, Username, request),
);
