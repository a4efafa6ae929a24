// Every public operation, context first: the table createAuth binds to an instance.
export { signUp } from './sign-up/sign-up.js';
export { confirmSignUp, resendSignUpCode } from './sign-up/confirm-sign-up.js';
export { autoSignIn } from './sign-up/auto-sign-in.js';
export { signIn } from './sign-in/sign-in.js';
export { confirmSignIn } from './sign-in/confirm-sign-in.js';
export { signOut } from './session/sign-out.js';
export { fetchAuthSession } from './session/fetch-auth-session.js';
export { getCurrentUser } from './session/current-user.js';
export {
  fetchUserAttributes,
  updateUserAttributes,
  updateUserAttribute,
  sendUserAttributeVerificationCode,
  confirmUserAttribute,
  deleteUserAttributes,
} from './user/attributes.js';
export { deleteUser } from './user/delete-user.js';
export { updatePassword, resetPassword, confirmResetPassword } from './user/password.js';
export { setUpTOTP, verifyTOTPSetup, updateMFAPreference, fetchMFAPreference } from './user/mfa.js';
export { rememberDevice, forgetDevice, fetchDevices } from './user/devices.js';
export { federatedSignIn } from './identity/federated-sign-in.js';
export { currentAuthenticatedUser } from './identity/current-authenticated-user.js';
export { currentCredentials } from './identity/current-credentials.js';
/** `configure({ refreshHandlers })` on an instance; the top-level configure is default-instance.ts's. */
export { configure } from './identity/refresh-handlers.js';
