import { z } from 'zod';
import { initiateAuth } from '../../userpool/auth/initiate-auth.js';
import { adminOperation } from '../operation.js';
import { authFlows } from './initiate-auth.js';
import { clientId, ignored, session, stringMap, userPoolId } from './shapes.js';

export default adminOperation(
  z.object({ UserPoolId: userPoolId, ClientId: clientId, AuthFlow: z.enum(authFlows), AuthParameters: stringMap.optional(), Session: session.optional(), ContextData: z.unknown().optional(), ...ignored }),
  (context, input) => initiateAuth(context, input),
);
