import { z } from 'zod';
import { username } from '../shapes.js';

/** `us-east-1_AbC123xyZ`, with the constraints of Cognito's UserPoolIdType. */
export const userPoolId = z.string().min(1).max(55).regex(/^[\w-]+_[0-9a-zA-Z]+$/);
export const attributeName = z.string().min(1).max(32);

/** The members every admin user operation starts with. */
export const adminUser = { UserPoolId: userPoolId, Username: username };
