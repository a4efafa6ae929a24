import { z } from 'zod';
import { relyingPartyId } from '../../../config/schema.js';
import { setUserPoolMfaConfig } from '../../../userpool/admin/mfa-config.js';
import { adminOperation } from '../../operation.js';
import { roleArn, userPoolId } from './shapes.js';

const codeMessage = (max: number) => z.string().min(6).max(max).regex(/\{####\}/);

export default adminOperation(
  z.object({
    UserPoolId: userPoolId,
    SmsMfaConfiguration: z
      .object({
        SmsAuthenticationMessage: codeMessage(140).optional(),
        SmsConfiguration: z
          .object({ SnsCallerArn: roleArn, ExternalId: z.string().optional(), SnsRegion: z.string().min(5).max(32).optional() })
          .optional(),
      })
      .optional(),
    SoftwareTokenMfaConfiguration: z.object({ Enabled: z.boolean().optional() }).optional(),
    EmailMfaConfiguration: z.object({ Message: codeMessage(20000).optional(), Subject: z.string().min(1).max(140).optional() }).optional(),
    MfaConfiguration: z.enum(['OFF', 'ON', 'OPTIONAL']).optional(),
    WebAuthnConfiguration: z
      .object({
        RelyingPartyId: relyingPartyId.optional(),
        UserVerification: z.enum(['required', 'preferred']).optional(),
        FactorConfiguration: z.enum(['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION']).optional(),
      })
      .optional(),
  }),
  (context, { UserPoolId, ...config }) => setUserPoolMfaConfig(context, UserPoolId, config),
);
