import { z } from 'zod';
import { listIdentities } from '../../identitypool/identity-admin.js';
import { adminOperation } from '../operation.js';
import { identityPoolId, maxResults, nextToken } from './shapes.js';

export default adminOperation(
  z.object({ IdentityPoolId: identityPoolId, MaxResults: maxResults, NextToken: nextToken.optional(), HideDisabled: z.boolean().optional() }),
  (context, input) => listIdentities(context, input),
);
