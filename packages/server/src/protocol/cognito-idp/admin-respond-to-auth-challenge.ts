import { z } from 'zod';
import { respondToAuthChallenge } from '../../userpool/auth/respond-to-challenge.js';
import { adminOperation } from '../operation.js';
import { challengeNames } from './respond-to-auth-challenge.js';
import { clientId, ignored, stringMap, userPoolId } from './shapes.js';

export default adminOperation(
  z.object({
    UserPoolId: userPoolId,
    ClientId: clientId,
    ChallengeName: z.enum(challengeNames),
    Session: z.string().max(2048).optional(),
    ChallengeResponses: stringMap.optional(),
    ContextData: z.unknown().optional(),
    ...ignored,
  }),
  (context, input) => respondToAuthChallenge(context, input),
);
