import { z } from 'zod';
import { unlinkDeveloperIdentity } from '../../identitypool/developer.js';
import { adminOperation } from '../operation.js';
import { developerProviderName, developerUserIdentifier, identityId, identityPoolId } from './shapes.js';

export default adminOperation(
  z.object({
    IdentityId: identityId,
    IdentityPoolId: identityPoolId,
    DeveloperProviderName: developerProviderName,
    DeveloperUserIdentifier: developerUserIdentifier,
  }),
  (context, input) => unlinkDeveloperIdentity(context, input),
);
