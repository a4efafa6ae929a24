import { z } from 'zod';
import { getUserPoolMfaConfig } from '../../../userpool/admin/mfa-config.js';
import { adminOperation } from '../../operation.js';
import { userPoolId } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId }), (context, input) => getUserPoolMfaConfig(context, input.UserPoolId));
