import { z } from 'zod';
import { confirmSignUp } from '../../userpool/confirm-sign-up.js';
import { operation } from '../operation.js';
import { clientId, confirmationCode, ignored, secretHash, username } from './shapes.js';

export default operation(
  z.object({
    ClientId: clientId,
    Username: username,
    ConfirmationCode: confirmationCode,
    SecretHash: secretHash.optional(),
    ForceAliasCreation: z.boolean().optional(),
    Session: z.string().optional(),
    ...ignored,
  }),
  (context, input) => confirmSignUp(context, input),
);
