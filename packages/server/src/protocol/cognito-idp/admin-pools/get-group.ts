import { z } from 'zod';
import { getGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { groupName, userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, GroupName: groupName }), (context, input) => getGroup(context, input.UserPoolId, input.GroupName));
