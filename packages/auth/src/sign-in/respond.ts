import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { isAuthError } from '../errors.js';
import { clearDeviceMetadata } from '../tokens/token-store.js';
import type { ChallengeName, ClientMetadata } from '../types.js';

export interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  NewDeviceMetadata?: { DeviceKey?: string; DeviceGroupKey?: string };
}

/** What InitiateAuth and RespondToAuthChallenge answer. */
export interface AuthResponse {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
  AvailableChallenges?: ChallengeName[];
}

export const initiateAuth = (ctx: AuthContext, AuthFlow: string, AuthParameters: Record<string, string | undefined>, ClientMetadata?: ClientMetadata, Session?: string) =>
  callUserPool<AuthResponse>(ctx, 'InitiateAuth', { AuthFlow, AuthParameters, ClientMetadata, ClientId: ctx.config.userPoolClientId, Session });

export const respondToChallenge = (
  ctx: AuthContext,
  ChallengeName: ChallengeName,
  ChallengeResponses: Record<string, string | undefined>,
  Session: string | undefined,
  ClientMetadata?: ClientMetadata,
) => callUserPool<AuthResponse>(ctx, 'RespondToAuthChallenge', { ChallengeName, ChallengeResponses, Session, ClientMetadata, ClientId: ctx.config.userPoolClientId });

/**
 * Runs `send`; when the server no longer knows the remembered device, forgets it and sends again
 * without it (Amplify matches this exact text, reference §2.9.2).
 */
export async function retryWithoutDevice<T>(ctx: AuthContext, username: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isAuthError(error, 'ResourceNotFoundException') || !error.message.includes('Device does not exist.')) throw error;
    await clearDeviceMetadata(ctx, username);
    return send();
  }
}
