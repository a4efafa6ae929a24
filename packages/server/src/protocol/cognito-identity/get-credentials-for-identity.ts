import { z } from 'zod';
import { getCredentialsForIdentity } from '../../identitypool/client-flows.js';
import { operation } from '../operation.js';
import { arn, identityId, logins } from './shapes.js';

export default operation(z.object({ IdentityId: identityId, Logins: logins.optional(), CustomRoleArn: arn.optional() }), (context, input) =>
  getCredentialsForIdentity(context, input),
);
