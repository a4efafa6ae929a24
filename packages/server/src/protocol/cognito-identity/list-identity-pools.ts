import { z } from 'zod';
import { listIdentityPools } from '../../identitypool/pool-admin.js';
import { adminOperation } from '../operation.js';
import { maxResults, nextToken } from './shapes.js';

export default adminOperation(z.object({ MaxResults: maxResults, NextToken: nextToken.optional() }), (context, input) =>
  listIdentityPools(context, input.MaxResults, input.NextToken),
);
