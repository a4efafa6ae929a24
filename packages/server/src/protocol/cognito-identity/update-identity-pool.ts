import { z } from 'zod';
import { updateIdentityPool } from '../../identitypool/pool-admin.js';
import { adminOperation } from '../operation.js';
import { identityPoolId, identityPoolMembers } from './shapes.js';

export default adminOperation(z.object({ IdentityPoolId: identityPoolId, ...identityPoolMembers }), (context, input) => updateIdentityPool(context, input));
