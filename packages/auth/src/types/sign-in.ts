import type { AuthCodeDeliveryDetails, AuthFactorType, AuthFlowType, AuthMFAType, AuthTOTPSetupDetails, AuthUserAttributes, ChallengeName, ClientMetadata, UserAttributeKey } from './common.js';

// Sign-in steps (reference §6.4).
export type AuthNextSignInStep =
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE'; additionalInfo?: Record<string, string> }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION'; allowedMFATypes?: AuthMFAType[] }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION'; allowedMFATypes?: AuthMFAType[] }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED'; missingAttributes?: UserAttributeKey[] }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE'; codeDeliveryDetails?: AuthCodeDeliveryDetails }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE'; codeDeliveryDetails?: AuthCodeDeliveryDetails }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'; totpSetupDetails: AuthTOTPSetupDetails }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION'; availableChallenges?: ChallengeName[] }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' }
  | { signInStep: 'CONFIRM_SIGN_UP' }
  | { signInStep: 'RESET_PASSWORD' }
  | { signInStep: 'DONE' };

export interface SignInOutput {
  isSignedIn: boolean;
  nextStep: AuthNextSignInStep;
}
export type ConfirmSignInOutput = SignInOutput;

export interface SignInInput {
  username: string;
  password?: string;
  options?: {
    /** Default USER_SRP_AUTH. */
    authFlowType?: AuthFlowType;
    clientMetadata?: ClientMetadata;
    /** USER_AUTH only: the first factor to try. */
    preferredChallenge?: AuthFactorType;
  };
}

export interface ConfirmSignInInput {
  challengeResponse: string;
  options?: {
    /** NEW_PASSWORD_REQUIRED: attributes to set, sent as `userAttributes.<name>`. */
    userAttributes?: AuthUserAttributes;
    clientMetadata?: ClientMetadata;
    /** TOTP set-up during sign-in: the name the authenticator is registered under. */
    friendlyDeviceName?: string;
  };
}
