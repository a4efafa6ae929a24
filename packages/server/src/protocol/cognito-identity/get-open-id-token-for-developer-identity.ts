import { z } from 'zod';
import { getOpenIdTokenForDeveloperIdentity } from '../../identitypool/developer.js';
import { adminOperation } from '../operation.js';
import { identityId, identityPoolId, logins, tags } from './shapes.js';

export default adminOperation(
  z.object({
    IdentityPoolId: identityPoolId,
    IdentityId: identityId.optional(),
    Logins: logins,
    PrincipalTags: tags.optional(),
    TokenDuration: z.number().int().min(1).max(86400).optional(),
  }),
  (context, input) => getOpenIdTokenForDeveloperIdentity(context, input),
);
