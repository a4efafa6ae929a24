/**
 * The Cognito error family. The wire name (`__type`) is the class identity; the message is the
 * client-facing text (apps and Amplify UI match on it, so texts are kept byte-exact with Cognito's).
 * Internal detail never goes into an error: it goes to the log.
 */
export const errorNames = [
  'AliasExistsException',
  'CodeDeliveryFailureException',
  'CodeMismatchException',
  'DeveloperUserAlreadyRegisteredException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
  'ExternalServiceException',
  'GroupExistsException',
  'IncompleteSignatureException',
  'InternalErrorException',
  'InvalidIdentityPoolConfigurationException',
  'InvalidLambdaResponseException',
  'InvalidParameterException',
  'InvalidPasswordException',
  'InvalidSignatureException',
  'InvalidUserPoolConfigurationException',
  'LimitExceededException',
  'MissingAuthenticationTokenException',
  'NotAuthorizedException',
  'PasswordResetRequiredException',
  'RefreshTokenReuseException',
  'ResourceConflictException',
  'ResourceNotFoundException',
  'SerializationException',
  'SoftwareTokenMFANotFoundException',
  'TooManyFailedAttemptsException',
  'TooManyRequestsException',
  'UnexpectedLambdaException',
  'UnauthorizedException',
  'UnknownOperationException',
  'UnrecognizedClientException',
  'UnsupportedOperationException',
  'UnsupportedTokenTypeException',
  'UnsupportedUserStateException',
  'UserLambdaValidationException',
  'UserNotConfirmedException',
  'UserNotFoundException',
  'UsernameExistsException',
  'WebAuthnChallengeNotFoundException',
  'WebAuthnClientMismatchException',
  'WebAuthnConfigurationMissingException',
  'WebAuthnCredentialNotSupportedException',
  'WebAuthnNotEnabledException',
  'WebAuthnOriginNotAllowedException',
  'WebAuthnRelyingPartyMismatchException',
] as const;

export type ErrorName = (typeof errorNames)[number];

export class CognitoError extends Error {
  constructor(
    readonly type: ErrorName,
    message: string,
  ) {
    super(message);
    this.name = type;
  }

  /** 500 only for our own faults; every client fault is a 400, as Cognito answers on the wire. */
  get httpStatus(): number {
    return this.type === 'InternalErrorException' ? 500 : 400;
  }
}

export const fail = (type: ErrorName, message: string): never => {
  throw new CognitoError(type, message);
};

/** Messages that more than one operation uses, kept in one place so they stay identical. */
export const messages = {
  incorrectCredentials: 'Incorrect username or password.',
  passwordAttemptsExceeded: 'Password attempts exceeded',
  userDisabled: 'User is disabled.',
  userNotConfirmed: 'User is not confirmed.',
  userDoesNotExist: 'User does not exist.',
  usernameClientNotFound: 'Username/client id combination not found.',
  sessionExpired: 'Invalid session for the user, session is expired.',
  codeMismatch: 'Invalid verification code provided, please try again.',
  codeExpired: 'Invalid code provided, please request a code again.',
  attemptLimit: 'Attempt limit exceeded, please try after some time.',
  accessTokenExpired: 'Access Token has expired',
  accessTokenRevoked: 'Access Token has been revoked',
  accessTokenScopes: 'Access Token does not have required scopes',
  accessTokenInvalid: 'Invalid Access Token',
  refreshTokenExpired: 'Refresh Token has expired',
  refreshTokenInvalid: 'Invalid Refresh Token',
  refreshTokenRevoked: 'Refresh Token has been revoked',
  passwordResetRequired: 'Password reset required for the user',
  secretHash: (clientId: string) => `Unable to verify secret hash for client ${clientId}`,
  clientNotFound: (clientId: string) => `User pool client ${clientId} does not exist.`,
} as const;
