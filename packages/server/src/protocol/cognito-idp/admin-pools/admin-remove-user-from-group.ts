import { z } from 'zod';
import { removeUserFromGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { username } from '../shapes.js';
import { groupName, userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, Username: username, GroupName: groupName }), (context, input) =>
  removeUserFromGroup(context, input.UserPoolId, input.Username, input.GroupName),
);
