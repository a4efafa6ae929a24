import { z } from 'zod';
import { forgotPassword } from '../../userpool/recovery.js';
import { operation } from '../operation.js';
import { clientId, ignored, secretHash, username } from './shapes.js';

export default operation(z.object({ ClientId: clientId, Username: username, SecretHash: secretHash.optional(), ...ignored }), async (context, input) => ({
  CodeDeliveryDetails: await forgotPassword(context, input),
}));
