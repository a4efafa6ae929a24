import { z } from 'zod';
import { describeUserPool } from '../../../userpool/admin/pools.js';
import { adminOperation } from '../../operation.js';
import { userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId }), (context, input) => describeUserPool(context, input.UserPoolId));
