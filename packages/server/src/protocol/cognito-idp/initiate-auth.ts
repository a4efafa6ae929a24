import { z } from 'zod';
import { initiateAuth } from '../../userpool/auth/initiate-auth.js';
import { operation } from '../operation.js';
import { clientId, ignored, session, stringMap } from './shapes.js';

export const authFlows = [
  'USER_AUTH',
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'ADMIN_NO_SRP_AUTH',
] as const;

export default operation(
  z.object({ AuthFlow: z.enum(authFlows), ClientId: clientId, AuthParameters: stringMap.optional(), Session: session.optional(), ...ignored }),
  (context, input) => initiateAuth(context, input),
);
