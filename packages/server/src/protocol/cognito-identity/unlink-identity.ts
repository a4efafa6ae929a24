import { z } from 'zod';
import { unlinkIdentity } from '../../identitypool/client-flows.js';
import { operation } from '../operation.js';
import { identityId, logins, providerName } from './shapes.js';

export default operation(z.object({ IdentityId: identityId, Logins: logins, LoginsToRemove: z.array(providerName) }), (context, input) =>
  unlinkIdentity(context, input),
);
