import { z } from 'zod';
import { getIdentityPoolRoles } from '../../identitypool/pool-admin.js';
import { adminOperation } from '../operation.js';
import { identityPoolId } from './shapes.js';

export default adminOperation(z.object({ IdentityPoolId: identityPoolId }), (context, input) => getIdentityPoolRoles(context, input.IdentityPoolId));
