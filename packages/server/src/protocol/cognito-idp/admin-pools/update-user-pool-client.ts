import { z } from 'zod';
import { clientConfigSchema } from '../../../config/schema.js';
import { updateUserPoolClient } from '../../../userpool/admin/clients.js';
import { adminOperation } from '../../operation.js';
import { clientId } from '../shapes.js';
import { userPoolId } from './shapes.js';

export default adminOperation(
  z.object({
    UserPoolId: userPoolId,
    ClientId: clientId,
    ...clientConfigSchema.omit({ ClientId: true, ClientSecret: true, GenerateSecret: true }).shape,
    ClientName: clientConfigSchema.shape.ClientName.optional(),
  }),
  (context, { UserPoolId, ClientId, ...request }) => updateUserPoolClient(context, UserPoolId, ClientId, request),
);
