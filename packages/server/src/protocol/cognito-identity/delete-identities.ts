import { z } from 'zod';
import { deleteIdentities } from '../../identitypool/identity-admin.js';
import { adminOperation } from '../operation.js';
import { identityId } from './shapes.js';

export default adminOperation(z.object({ IdentityIdsToDelete: z.array(identityId).min(1).max(60) }), (context, input) =>
  deleteIdentities(context, input.IdentityIdsToDelete),
);
