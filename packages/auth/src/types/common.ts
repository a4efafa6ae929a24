// Names and shapes shared by the operations, as aws-amplify/auth v6 names them.
export type AuthFlowType = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_WITH_SRP' | 'CUSTOM_WITHOUT_SRP' | 'USER_AUTH';
export type AuthFactorType = 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD' | 'PASSWORD_SRP';
export type ChallengeName =
  | 'SMS_MFA'
  | 'SMS_OTP'
  | 'EMAIL_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'SELECT_CHALLENGE'
  | 'MFA_SETUP'
  | 'PASSWORD'
  | 'PASSWORD_SRP'
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'ADMIN_NO_SRP_AUTH'
  | 'NEW_PASSWORD_REQUIRED'
  | 'WEB_AUTHN';

export type ClientMetadata = Record<string, string>;
export type AuthStandardAttributeKey =
  | 'address'
  | 'birthdate'
  | 'email'
  | 'email_verified'
  | 'family_name'
  | 'gender'
  | 'given_name'
  | 'locale'
  | 'middle_name'
  | 'name'
  | 'nickname'
  | 'phone_number'
  | 'phone_number_verified'
  | 'picture'
  | 'preferred_username'
  | 'profile'
  | 'sub'
  | 'updated_at'
  | 'website'
  | 'zoneinfo';
export type UserAttributeKey = AuthStandardAttributeKey | (string & NonNullable<unknown>);
export type VerifiableUserAttributeKey = 'email' | 'phone_number';
export type AuthUserAttributes = Partial<Record<UserAttributeKey, string>>;
export type AuthDeliveryMedium = 'EMAIL' | 'SMS' | 'PHONE' | 'UNKNOWN';
export type AuthMFAType = 'SMS' | 'TOTP' | 'EMAIL';
export type MFAPreference = 'ENABLED' | 'DISABLED' | 'PREFERRED' | 'NOT_PREFERRED';

export interface AuthCodeDeliveryDetails<Key extends UserAttributeKey = UserAttributeKey> {
  destination?: string | undefined;
  deliveryMedium?: AuthDeliveryMedium | undefined;
  attributeName?: Key | undefined;
}

export interface CognitoAuthSignInDetails {
  loginId?: string;
  authFlowType?: AuthFlowType;
}

export interface AuthUser {
  username: string;
  userId: string;
  signInDetails?: CognitoAuthSignInDetails;
}

export interface AuthTOTPSetupDetails {
  sharedSecret: string;
  getSetupUri(appName: string, accountName?: string): URL;
}
