import { z } from 'zod';
import { lookupDeveloperIdentity } from '../../identitypool/developer.js';
import { adminOperation } from '../operation.js';
import { developerUserIdentifier, identityId, identityPoolId, maxResults, nextToken } from './shapes.js';

export default adminOperation(
  z.object({
    IdentityPoolId: identityPoolId,
    IdentityId: identityId.optional(),
    DeveloperUserIdentifier: developerUserIdentifier.optional(),
    MaxResults: maxResults.optional(),
    NextToken: nextToken.optional(),
  }),
  (context, input) => lookupDeveloperIdentity(context, input),
);
