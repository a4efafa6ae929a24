import { z } from 'zod';
import { confirmForgotPassword } from '../../userpool/recovery.js';
import { operation } from '../operation.js';
import { clientId, confirmationCode, ignored, password, secretHash, username } from './shapes.js';

export default operation(
  z.object({ ClientId: clientId, Username: username, ConfirmationCode: confirmationCode, Password: password, SecretHash: secretHash.optional(), ...ignored }),
  async (context, input) => {
    await confirmForgotPassword(context, input);
    return {};
  },
);
