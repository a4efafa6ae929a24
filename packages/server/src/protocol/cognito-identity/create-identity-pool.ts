import { z } from 'zod';
import { createIdentityPool } from '../../identitypool/pool-admin.js';
import { adminOperation } from '../operation.js';
import { identityPoolMembers } from './shapes.js';

export default adminOperation(z.object(identityPoolMembers), (context, input) => createIdentityPool(context, input));
