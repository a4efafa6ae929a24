import type { AuthCodeDeliveryDetails, AuthFactorType, AuthFlowType, AuthUserAttributes, ClientMetadata, VerifiableUserAttributeKey } from './common.js';

// Sign-up.
export type AuthNextSignUpStep =
  | { signUpStep: 'CONFIRM_SIGN_UP'; codeDeliveryDetails: AuthCodeDeliveryDetails<VerifiableUserAttributeKey> }
  | { signUpStep: 'COMPLETE_AUTO_SIGN_IN'; codeDeliveryDetails?: AuthCodeDeliveryDetails<VerifiableUserAttributeKey> }
  | { signUpStep: 'DONE' };

export interface SignUpOutput {
  isSignUpComplete: boolean;
  nextStep: AuthNextSignUpStep;
  userId?: string;
}
export type ConfirmSignUpOutput = SignUpOutput;

export interface SignUpInput {
  username: string;
  password?: string;
  options?: {
    userAttributes?: AuthUserAttributes;
    validationData?: Record<string, string>;
    clientMetadata?: ClientMetadata;
    /** true, or the sign-in options autoSignIn() will use. */
    autoSignIn?: boolean | { authFlowType?: AuthFlowType; clientMetadata?: ClientMetadata; preferredChallenge?: AuthFactorType };
  };
}

export interface ConfirmSignUpInput {
  username: string;
  confirmationCode: string;
  options?: { clientMetadata?: ClientMetadata; forceAliasCreation?: boolean };
}

export interface ResendSignUpCodeInput {
  username: string;
  options?: { clientMetadata?: ClientMetadata };
}
