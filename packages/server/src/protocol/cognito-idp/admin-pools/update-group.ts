import { z } from 'zod';
import { updateGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { groupRequest } from './shapes.js';

export default adminOperation(z.object(groupRequest), (context, { UserPoolId, GroupName, ...request }) => updateGroup(context, UserPoolId, GroupName, request));
