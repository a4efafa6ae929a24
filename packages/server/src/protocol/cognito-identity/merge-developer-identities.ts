import { z } from 'zod';
import { mergeDeveloperIdentities } from '../../identitypool/developer.js';
import { adminOperation } from '../operation.js';
import { developerProviderName, developerUserIdentifier, identityPoolId } from './shapes.js';

export default adminOperation(
  z.object({
    SourceUserIdentifier: developerUserIdentifier,
    DestinationUserIdentifier: developerUserIdentifier,
    DeveloperProviderName: developerProviderName,
    IdentityPoolId: identityPoolId,
  }),
  (context, input) => mergeDeveloperIdentities(context, input),
);
