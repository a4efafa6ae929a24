import { z } from 'zod';
import { getId } from '../../identitypool/client-flows.js';
import { operation } from '../operation.js';
import { identityPoolId, logins } from './shapes.js';

export default operation(
  z.object({ IdentityPoolId: identityPoolId, AccountId: z.string().min(1).max(15).regex(/^\d+$/).optional(), Logins: logins.optional() }),
  (context, input) => getId(context, input),
);
