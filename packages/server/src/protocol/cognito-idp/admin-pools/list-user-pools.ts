import { z } from 'zod';
import { listUserPools } from '../../../userpool/admin/pools.js';
import { adminOperation } from '../../operation.js';
import { maxResults, paginationKey } from './shapes.js';

export default adminOperation(z.object({ MaxResults: maxResults, NextToken: paginationKey.optional() }), (context, input) =>
  listUserPools(context, input.MaxResults, input.NextToken),
);
