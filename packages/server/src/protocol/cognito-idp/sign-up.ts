import { z } from 'zod';
import { signUp } from '../../userpool/sign-up.js';
import { operation } from '../operation.js';
import { attributeList, clientId, ignored, password, secretHash, username } from './shapes.js';

export default operation(
  z.object({
    ClientId: clientId,
    Username: username,
    Password: password.or(z.literal('')).optional(),
    SecretHash: secretHash.optional(),
    UserAttributes: attributeList.optional(),
    ValidationData: attributeList.optional(),
    ...ignored,
  }),
  (context, input) => signUp(context, input),
);
