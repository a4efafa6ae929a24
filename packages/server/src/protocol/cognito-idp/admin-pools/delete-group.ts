import { z } from 'zod';
import { deleteGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { groupName, userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, GroupName: groupName }), (context, input) => deleteGroup(context, input.UserPoolId, input.GroupName));
