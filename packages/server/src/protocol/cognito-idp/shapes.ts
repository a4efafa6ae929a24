import { z } from 'zod';

/** Member shapes shared by the user-pool operations, with the constraints of Cognito's API model. */
export const clientId = z.string().min(1).max(128).regex(/^[\w+]+$/);
export const username = z.string().min(1).max(128);
export const password = z.string().min(1).max(256);
export const secretHash = z.string().min(1).max(128);
export const confirmationCode = z.string().min(1).max(2048).regex(/^[\S]+$/);
export const session = z.string().min(20).max(2048);
export const token = z.string().min(1).max(8192);
export const stringMap = z.record(z.string(), z.string());
export const attribute = z.object({ Name: z.string().min(1).max(32), Value: z.string().max(2048).optional() });
export const attributeList = z.array(attribute).max(100);

/** Members every client may send and Cognito uses only for analytics or triggers. */
export const ignored = {
  AnalyticsMetadata: z.unknown().optional(),
  UserContextData: z.unknown().optional(),
  ClientMetadata: stringMap.optional(),
};
export const userPoolId = z.string().min(1).max(55).regex(/^[\w-]+_[0-9a-zA-Z]+$/);

const factorSetting = z.object({ Enabled: z.boolean().optional(), PreferredMfa: z.boolean().optional() });
export const mfaPreferenceMembers = {
  SMSMfaSettings: factorSetting.optional(),
  SoftwareTokenMfaSettings: factorSetting.optional(),
  EmailMfaSettings: factorSetting.optional(),
  WebAuthnMfaSettings: z.object({ Enabled: z.boolean().optional() }).optional(),
};
