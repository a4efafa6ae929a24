import type { AuthCodeDeliveryDetails, AuthMFAType, MFAPreference, UserAttributeKey, VerifiableUserAttributeKey } from './common.js';

// User management.
export type AuthUpdateAttributeStep = 'CONFIRM_ATTRIBUTE_WITH_CODE' | 'DONE';
export interface AuthUpdateUserAttributeOutput {
  isUpdated: boolean;
  nextStep: { updateAttributeStep: AuthUpdateAttributeStep; codeDeliveryDetails?: AuthCodeDeliveryDetails };
}
export type UpdateUserAttributesOutput = Record<UserAttributeKey, AuthUpdateUserAttributeOutput>;

export interface ResetPasswordOutput {
  isPasswordReset: boolean;
  nextStep: {
    resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE' | 'DONE';
    additionalInfo?: Record<string, string>;
    codeDeliveryDetails: AuthCodeDeliveryDetails<VerifiableUserAttributeKey>;
  };
}

export interface FetchMFAPreferenceOutput {
  preferred?: AuthMFAType | undefined;
  enabled?: AuthMFAType[] | undefined;
}

export interface UpdateMFAPreferenceInput {
  sms?: MFAPreference;
  totp?: MFAPreference;
  email?: MFAPreference;
}

export interface AuthDevice {
  id: string;
  name?: string | undefined;
  attributes: Record<string, string>;
  createDate?: Date | undefined;
  lastAuthenticatedDate?: Date | undefined;
  lastModifiedDate?: Date | undefined;
}
