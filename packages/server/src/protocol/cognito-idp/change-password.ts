import { z } from 'zod';
import { changePassword } from '../../userpool/recovery.js';
import { operation } from '../operation.js';
import { password, token } from './shapes.js';

export default operation(z.object({ AccessToken: token, PreviousPassword: password.optional(), ProposedPassword: password }), async (context, input) => {
  await changePassword(context, input.AccessToken, input.PreviousPassword, input.ProposedPassword);
  return {};
});
