import { z } from 'zod';
import { associateSoftwareToken } from '../../userpool/mfa/software-token.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token.optional(), Session: z.string().max(2048).optional() }), (context, input) =>
  associateSoftwareToken(context, input),
);
