import type { Operation } from '../operation.js';
import { adminPoolOperations } from './admin-pools/index.js';
import { adminUserOperations } from './admin-users/index.js';
import adminForgetDevice from './admin-forget-device.js';
import adminGetDevice from './admin-get-device.js';
import adminInitiateAuth from './admin-initiate-auth.js';
import adminListDevices from './admin-list-devices.js';
import adminSetUserMfaPreference from './admin-set-user-mfa-preference.js';
import adminUpdateDeviceStatus from './admin-update-device-status.js';
import associateSoftwareToken from './associate-software-token.js';
import adminRespondToAuthChallenge from './admin-respond-to-auth-challenge.js';
import changePassword from './change-password.js';
import completeWebAuthnRegistration from './complete-web-authn-registration.js';
import confirmDevice from './confirm-device.js';
import confirmForgotPassword from './confirm-forgot-password.js';
import deleteUserAttributes from './delete-user-attributes.js';
import forgetDevice from './forget-device.js';
import forgotPassword from './forgot-password.js';
import confirmSignUp from './confirm-sign-up.js';
import deleteUser from './delete-user.js';
import deleteWebAuthnCredential from './delete-web-authn-credential.js';
import getDevice from './get-device.js';
import getTokensFromRefreshToken from './get-tokens-from-refresh-token.js';
import getUserAttributeVerificationCode from './get-user-attribute-verification-code.js';
import getUser from './get-user.js';
import globalSignOut from './global-sign-out.js';
import initiateAuth from './initiate-auth.js';
import listDevices from './list-devices.js';
import listWebAuthnCredentials from './list-web-authn-credentials.js';
import resendConfirmationCode from './resend-confirmation-code.js';
import respondToAuthChallenge from './respond-to-auth-challenge.js';
import revokeToken from './revoke-token.js';
import signUp from './sign-up.js';
import setUserMfaPreference from './set-user-mfa-preference.js';
import startWebAuthnRegistration from './start-web-authn-registration.js';
import updateDeviceStatus from './update-device-status.js';
import updateUserAttributes from './update-user-attributes.js';
import verifySoftwareToken from './verify-software-token.js';
import verifyUserAttribute from './verify-user-attribute.js';

/** The operations authorised by what they carry: a ClientId, a Session or a token. */
const publicOperations: Record<string, Operation> = {
  AssociateSoftwareToken: associateSoftwareToken,
  ChangePassword: changePassword,
  CompleteWebAuthnRegistration: completeWebAuthnRegistration,
  ConfirmDevice: confirmDevice,
  ConfirmForgotPassword: confirmForgotPassword,
  ConfirmSignUp: confirmSignUp,
  DeleteUser: deleteUser,
  DeleteUserAttributes: deleteUserAttributes,
  DeleteWebAuthnCredential: deleteWebAuthnCredential,
  ForgetDevice: forgetDevice,
  ForgotPassword: forgotPassword,
  GetDevice: getDevice,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GetUser: getUser,
  GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListDevices: listDevices,
  ListWebAuthnCredentials: listWebAuthnCredentials,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SetUserMFAPreference: setUserMfaPreference,
  SignUp: signUp,
  StartWebAuthnRegistration: startWebAuthnRegistration,
  UpdateDeviceStatus: updateDeviceStatus,
  UpdateUserAttributes: updateUserAttributes,
  VerifySoftwareToken: verifySoftwareToken,
  VerifyUserAttribute: verifyUserAttribute,
};

/** `AWSCognitoIdentityProviderService.*`: every operation this server answers, by wire name. */
export const userPoolOperations: Record<string, Operation> = {
  ...publicOperations,
  AdminForgetDevice: adminForgetDevice,
  AdminGetDevice: adminGetDevice,
  AdminInitiateAuth: adminInitiateAuth,
  AdminListDevices: adminListDevices,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AdminSetUserMFAPreference: adminSetUserMfaPreference,
  AdminUpdateDeviceStatus: adminUpdateDeviceStatus,
  ...adminPoolOperations,
  ...adminUserOperations,
};
