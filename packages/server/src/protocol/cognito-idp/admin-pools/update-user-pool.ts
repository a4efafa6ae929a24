import { z } from 'zod';
import { poolConfigSchema } from '../../../config/schema.js';
import { updateUserPool } from '../../../userpool/admin/pools.js';
import { adminOperation } from '../../operation.js';
import { userPoolId } from './shapes.js';

export default adminOperation(
  z.object({
    UserPoolId: userPoolId,
    PoolName: poolConfigSchema.shape.PoolName.optional(),
    ...poolConfigSchema.pick({
      Policies: true,
      DeletionProtection: true,
      AutoVerifiedAttributes: true,
      VerificationMessageTemplate: true,
      UserAttributeUpdateSettings: true,
      MfaConfiguration: true,
      DeviceConfiguration: true,
      EmailConfiguration: true,
      UserPoolTags: true,
      AdminCreateUserConfig: true,
      AccountRecoverySetting: true,
      LambdaConfig: true,
    }).shape,
  }),
  (context, { UserPoolId, ...request }) => updateUserPool(context, UserPoolId, request),
);
