import type { NewDeviceMetadata } from '../devices/tracking.js';
import type { IssuedTokens } from '../tokens.js';

/** What InitiateAuth and RespondToAuthChallenge answer: a challenge or the tokens. */
export interface AuthResult {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  /** USER_AUTH's SELECT_CHALLENGE: the first factors the user may choose. */
  AvailableChallenges?: string[];
  AuthenticationResult?: IssuedTokens & { RefreshToken?: string; NewDeviceMetadata?: NewDeviceMetadata };
}
