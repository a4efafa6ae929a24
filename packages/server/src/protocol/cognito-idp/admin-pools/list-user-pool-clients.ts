import { z } from 'zod';
import { listUserPoolClients } from '../../../userpool/admin/clients.js';
import { adminOperation } from '../../operation.js';
import { maxResults, paginationKey, userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, MaxResults: maxResults.optional(), NextToken: paginationKey.optional() }), (context, input) =>
  listUserPoolClients(context, input.UserPoolId, input.MaxResults, input.NextToken),
);
