import { z } from 'zod';
import { addUserToGroup } from '../../../userpool/admin/groups.js';
import { adminOperation } from '../../operation.js';
import { username } from '../shapes.js';
import { groupName, userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, Username: username, GroupName: groupName }), (context, input) =>
  addUserToGroup(context, input.UserPoolId, input.Username, input.GroupName),
);
