import { z } from 'zod';
import { createGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { groupRequest } from './shapes.js';

export default adminOperation(z.object(groupRequest), (context, { UserPoolId, GroupName, ...request }) => createGroup(context, UserPoolId, GroupName, request));
