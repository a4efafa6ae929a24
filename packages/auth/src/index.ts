// @cognate/auth: the aws-amplify/auth v6 API over the Cognito user-pool and identity-pool wire
// protocols, for Cognate and Amazon Cognito alike, with Amplify v5's identity-pool federation.
// Each function below works on the instance `configure` sets up; `createAuth` makes independent
// instances.
import { onDefault } from './default-instance.js';
import * as op from './operations.js';

export { configure, Hub } from './default-instance.js';
export { createAuth, type AuthInstance } from './create-auth.js';
export type { AuthOptions } from './core/create-context.js';
export type { AmplifyAuthConfig, AmplifyOutputs, AuthConfigInput, CognitoUserPoolConfig } from './core/config.js';
export type { RefreshOperation } from './core/context.js';
export { createHub, type AuthHubEventData, type Hub as HubType, type HubCallback, type HubCapsule, type HubPayload } from './core/hub.js';
export { decodeJWT } from './core/jwt.js';
export { AuthError, isAuthError, type AuthErrorName, type CognitoErrorName, type LibraryErrorName } from './errors.js';
export { Cache, createCache, type CacheConfig, type CacheInstance, type CacheItemOptions } from './cache/index.js';
export type { KeyValueStorage } from './storage/types.js';
export { createMemoryStorage } from './storage/memory.js';
export { createLocalStorage, createSessionStorage } from './storage/web.js';
export { createCookieStorage, maxCookieBytes, type CookieStorageOptions } from './storage/cookie.js';
export { essentialCredentials } from './identity/current-credentials.js';
export type * from './types.js';

export const signUp = /* @__PURE__ */ onDefault(op.signUp);
export const confirmSignUp = /* @__PURE__ */ onDefault(op.confirmSignUp);
export const resendSignUpCode = /* @__PURE__ */ onDefault(op.resendSignUpCode);
export const autoSignIn = /* @__PURE__ */ onDefault(op.autoSignIn);
export const signIn = /* @__PURE__ */ onDefault(op.signIn);
export const confirmSignIn = /* @__PURE__ */ onDefault(op.confirmSignIn);
export const signOut = /* @__PURE__ */ onDefault(op.signOut);
export const fetchAuthSession = /* @__PURE__ */ onDefault(op.fetchAuthSession);
export const getCurrentUser = /* @__PURE__ */ onDefault(op.getCurrentUser);
export const fetchUserAttributes = /* @__PURE__ */ onDefault(op.fetchUserAttributes);
export const updateUserAttributes = /* @__PURE__ */ onDefault(op.updateUserAttributes);
export const updateUserAttribute = /* @__PURE__ */ onDefault(op.updateUserAttribute);
export const sendUserAttributeVerificationCode = /* @__PURE__ */ onDefault(op.sendUserAttributeVerificationCode);
export const confirmUserAttribute = /* @__PURE__ */ onDefault(op.confirmUserAttribute);
export const deleteUserAttributes = /* @__PURE__ */ onDefault(op.deleteUserAttributes);
export const deleteUser = /* @__PURE__ */ onDefault(op.deleteUser);
export const updatePassword = /* @__PURE__ */ onDefault(op.updatePassword);
export const resetPassword = /* @__PURE__ */ onDefault(op.resetPassword);
export const confirmResetPassword = /* @__PURE__ */ onDefault(op.confirmResetPassword);
export const setUpTOTP = /* @__PURE__ */ onDefault(op.setUpTOTP);
export const verifyTOTPSetup = /* @__PURE__ */ onDefault(op.verifyTOTPSetup);
export const updateMFAPreference = /* @__PURE__ */ onDefault(op.updateMFAPreference);
export const fetchMFAPreference = /* @__PURE__ */ onDefault(op.fetchMFAPreference);
export const rememberDevice = /* @__PURE__ */ onDefault(op.rememberDevice);
export const forgetDevice = /* @__PURE__ */ onDefault(op.forgetDevice);
export const fetchDevices = /* @__PURE__ */ onDefault(op.fetchDevices);
export const federatedSignIn = /* @__PURE__ */ onDefault(op.federatedSignIn);
export const currentAuthenticatedUser = /* @__PURE__ */ onDefault(op.currentAuthenticatedUser);
export const currentCredentials = /* @__PURE__ */ onDefault(op.currentCredentials);
