import { z } from 'zod';
import { describeIdentityPoolById } from '../../identitypool/pool-admin.js';
import { adminOperation } from '../operation.js';
import { identityPoolId } from './shapes.js';

export default adminOperation(z.object({ IdentityPoolId: identityPoolId }), (context, input) => describeIdentityPoolById(context, input.IdentityPoolId));
