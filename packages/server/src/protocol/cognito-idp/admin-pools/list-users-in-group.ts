import { z } from 'zod';
import { listUsersInGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { groupName, paginationKey, queryLimit, userPoolId } from './shapes.js';

export default adminOperation(
  z.object({ UserPoolId: userPoolId, GroupName: groupName, Limit: queryLimit.optional(), NextToken: paginationKey.optional() }),
  (context, { UserPoolId, GroupName, ...request }) => listUsersInGroup(context, UserPoolId, GroupName, request),
);
