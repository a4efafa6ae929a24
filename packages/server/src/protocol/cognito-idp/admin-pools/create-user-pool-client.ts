import { z } from 'zod';
import { clientConfigSchema } from '../../../config/schema.js';
import { createUserPoolClient } from '../../../userpool/admin/clients.js';
import { adminOperation } from '../../operation.js';
import { userPoolId } from './shapes.js';

export default adminOperation(
  z.object({ UserPoolId: userPoolId, ...clientConfigSchema.omit({ ClientId: true }).shape }),
  (context, { UserPoolId, ...request }) => createUserPoolClient(context, UserPoolId, request),
);
