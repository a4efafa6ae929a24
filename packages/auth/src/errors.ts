/**
 * Exception names a Cognito user pool or identity pool answers with (`__type` on the wire; reference
 * §2.9.1, §5.4). The
 * server's name is kept as the error's `name`, so apps match on the same strings as with Amplify.
 */
export type CognitoErrorName =
  | 'AliasExistsException'
  | 'CodeDeliveryFailureException'
  | 'CodeMismatchException'
  | 'ConcurrentModificationException'
  | 'DeviceKeyExistsException'
  | 'EnableSoftwareTokenMFAException'
  | 'ExpiredCodeException'
  | 'ExternalServiceException'
  | 'FeatureUnavailableInTierException'
  | 'ForbiddenException'
  | 'InternalErrorException'
  | 'InvalidEmailRoleAccessPolicyException'
  | 'InvalidIdentityPoolConfigurationException'
  | 'InvalidLambdaResponseException'
  | 'InvalidParameterException'
  | 'InvalidPasswordException'
  | 'InvalidSmsRoleAccessPolicyException'
  | 'InvalidSmsRoleTrustRelationshipException'
  | 'InvalidUserPoolConfigurationException'
  | 'LimitExceededException'
  | 'MFAMethodNotFoundException'
  | 'NotAuthorizedException'
  | 'OperationNotEnabledException'
  | 'PasswordHistoryPolicyViolationException'
  | 'PasswordResetRequiredException'
  | 'RefreshTokenReuseException'
  | 'ResourceConflictException'
  | 'ResourceNotFoundException'
  | 'SoftwareTokenMFANotFoundException'
  | 'TooManyFailedAttemptsException'
  | 'TooManyRequestsException'
  | 'UnauthorizedException'
  | 'UnexpectedLambdaException'
  | 'UnknownOperationException'
  | 'UnsupportedOperationException'
  | 'UnsupportedTokenTypeException'
  | 'UnsupportedUserStateException'
  | 'UserLambdaValidationException'
  | 'UserNotConfirmedException'
  | 'UserNotFoundException'
  | 'UsernameExistsException'
  | 'WebAuthnChallengeNotFoundException'
  | 'WebAuthnClientMismatchException'
  | 'WebAuthnConfigurationMissingException'
  | 'WebAuthnCredentialNotSupportedException'
  | 'WebAuthnNotEnabledException'
  | 'WebAuthnOriginNotAllowedException'
  | 'WebAuthnRelyingPartyMismatchException'
  | 'SerializationException'
  | 'UnknownError';

/** Names the library gives its own errors; the same names Amplify v6 uses where it has one. */
export type LibraryErrorName =
  | 'NetworkError'
  | 'Unknown'
  | 'AuthUserPoolException'
  | 'InvalidUserPoolId'
  | 'UserUnAuthenticatedException'
  | 'UserAlreadyAuthenticatedException'
  | 'DeviceMetadataNotFoundException'
  | 'AutoSignInException'
  | 'SignInException'
  | 'SetUpTOTPException'
  | 'EmptyUserIdForSRPException'
  | 'iatNotFoundException'
  | 'InvalidTokens'
  | 'InvalidPasskeyAuthenticationOptions'
  | 'PasskeyNotSupported'
  | 'PasskeyAuthenticationCanceled'
  | 'PasskeyRetrievalFailed'
  | 'EmptySignInUsername'
  | 'EmptySignInPassword'
  | 'CustomAuthSignInPassword'
  | 'EmptySignUpUsername'
  | 'EmptyConfirmSignUpUsername'
  | 'EmptyConfirmSignUpCode'
  | 'EmptyresendSignUpCodeUsername'
  | 'EmptyChallengeResponse'
  | 'EmptyConfirmResetPasswordUsername'
  | 'EmptyConfirmResetPasswordNewPassword'
  | 'EmptyConfirmResetPasswordConfirmationCode'
  | 'EmptyResetPasswordUsername'
  | 'EmptyVerifyTOTPSetupCode'
  | 'EmptyConfirmUserAttributeCode'
  | 'IncorrectMFAMethod'
  | 'EmptyUpdatePassword'
  | 'InvalidPreferredChallenge'
  | 'InvalidIdentityPoolIdException'
  | 'InvalidIdTokenException'
  | 'GetIdResponseException'
  | 'CredentialsNotFoundException'
  | 'CredentialsException'
  /** Cognate's own: a federated token expired and no refresh handler renewed it; the federated sign-in ended. */
  | 'FederatedTokenExpiredException'
  /** Cognate's own: a value does not fit in a cookie (4096 bytes for name and value). */
  | 'CookieTooLargeException'
  /** Cognate's own: the browser did not keep a cookie that was set (blocked, or over a limit). */
  | 'CookieNotStoredException';

export type AuthErrorName = CognitoErrorName | LibraryErrorName;

export interface AuthErrorParams {
  name: AuthErrorName;
  message: string;
  recoverySuggestion?: string | undefined;
  underlyingError?: unknown;
  metadata?: { httpStatusCode?: number; requestId?: string | undefined } | undefined;
}

/**
 * Every error the library throws. `name` is the Cognito exception name or the library's own, so
 * `switch (error.name)` narrows; `message` is the server's text.
 *
 * @example
 * try { await signIn({ username, password }) } catch (error) {
 *   if (error instanceof AuthError && error.name === 'NotAuthorizedException') showWrongPassword();
 * }
 */
export class AuthError extends Error {
  // Not generic on purpose: `instanceof` narrows a generic class to AuthError<any>, and then
  // `switch (error.name)` would not narrow.
  declare name: AuthErrorName;
  declare recoverySuggestion?: string;
  declare underlyingError?: unknown;
  declare metadata?: { httpStatusCode?: number; requestId?: string | undefined };

  constructor({ name, message, recoverySuggestion, underlyingError, metadata }: AuthErrorParams) {
    super(message);
    this.name = name;
    if (recoverySuggestion) this.recoverySuggestion = recoverySuggestion;
    if (underlyingError !== undefined) this.underlyingError = underlyingError;
    if (metadata) this.metadata = metadata;
  }
}

/** Throws an AuthError unless `condition` holds. */
export function assert(condition: unknown, name: AuthErrorName, message: string, recoverySuggestion?: string): asserts condition {
  if (!condition) throw new AuthError({ name, message, recoverySuggestion });
}

export const isAuthError = (error: unknown, name?: AuthErrorName): error is AuthError =>
  error instanceof AuthError && (name === undefined || error.name === name);

export const unauthenticated = () =>
  new AuthError({
    name: 'UserUnAuthenticatedException',
    message: 'User needs to be authenticated to call this API.',
    recoverySuggestion: 'Sign in before calling this API again.',
  });
