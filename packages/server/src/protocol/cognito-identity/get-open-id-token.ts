import { z } from 'zod';
import { getOpenIdToken } from '../../identitypool/client-flows.js';
import { operation } from '../operation.js';
import { identityId, logins } from './shapes.js';

export default operation(z.object({ IdentityId: identityId, Logins: logins.optional() }), (context, input) => getOpenIdToken(context, input));
