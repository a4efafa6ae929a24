import { z } from 'zod';
import { describeUserPoolClient } from '../../../userpool/admin/clients.js';
import { adminOperation } from '../../operation.js';
import { clientId } from '../shapes.js';
import { userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, ClientId: clientId }), (context, input) =>
  describeUserPoolClient(context, input.UserPoolId, input.ClientId),
);
