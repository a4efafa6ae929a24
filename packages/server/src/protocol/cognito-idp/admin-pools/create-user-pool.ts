import { z } from 'zod';
import { poolConfigSchema } from '../../../config/schema.js';
import { createUserPool } from '../../../userpool/admin/pools.js';
import { adminOperation } from '../../operation.js';

export default adminOperation(z.object(poolConfigSchema.omit({ Id: true, Clients: true }).shape), (context, input) => createUserPool(context, input));
