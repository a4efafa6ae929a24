import type { JWT } from '../core/jwt.js';
import type { CognitoAuthSignInDetails } from './common.js';

// Session.
export interface AuthTokens {
  accessToken: JWT;
  idToken?: JWT;
  /** @deprecated as in Amplify: read it from getCurrentUser. */
  signInDetails?: CognitoAuthSignInDetails;
}

export interface AWSCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface AuthSession {
  tokens?: AuthTokens | undefined;
  /** From the identity pool, when one is configured: for the signed-in user, or a guest when `allowGuestAccess`. */
  credentials?: AWSCredentials | undefined;
  identityId?: string | undefined;
  userSub?: string | undefined;
}

export interface FetchAuthSessionOptions {
  forceRefresh?: boolean;
}

export interface SignOutInput {
  /** End every session of the user (GlobalSignOut), not only this one. */
  global?: boolean;
}
