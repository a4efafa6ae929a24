import { z } from 'zod';
import { describeIdentity } from '../../identitypool/identity-admin.js';
import { adminOperation } from '../operation.js';
import { identityId } from './shapes.js';

export default adminOperation(z.object({ IdentityId: identityId }), (context, input) => describeIdentity(context, input.IdentityId));
