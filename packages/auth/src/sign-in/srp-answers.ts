import type { AuthContext } from '../core/context.js';
import { AuthError } from '../errors.js';
import { createSrpSecret, passwordClaim, srpTimestamp, type SrpSecret } from '../srp/srp.js';
import { loadDeviceMetadata } from '../tokens/token-store.js';
import type { ClientMetadata } from '../types.js';
import { respondToChallenge, retryWithoutDevice, type AuthResponse } from './respond.js';

/** PASSWORD_VERIFIER: proves the password without sending it (reference §2.8.4 A). */
export async function answerPasswordVerifier(
  ctx: AuthContext,
  challenge: AuthResponse,
  secret: SrpSecret,
  password: string,
  clientMetadata?: ClientMetadata,
): Promise<AuthResponse> {
  const params = challenge.ChallengeParameters ?? {};
  const username = params.USER_ID_FOR_SRP;
  if (!username) throw new AuthError({ name: 'EmptyUserIdForSRPException', message: 'USER_ID_FOR_SRP was not found in challengeParameters' });
  return retryWithoutDevice(ctx, username, async () => {
    const TIMESTAMP = srpTimestamp(ctx.now());
    const { signature } = await passwordClaim({
      secret,
      username,
      password,
      poolName: ctx.config.poolName,
      B: params.SRP_B!,
      salt: params.SALT!,
      secretBlock: params.SECRET_BLOCK!,
      timestamp: TIMESTAMP,
    });
    const device = await loadDeviceMetadata(ctx, username);
    return respondToChallenge(
      ctx,
      'PASSWORD_VERIFIER',
      { USERNAME: username, PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE: signature, DEVICE_KEY: device?.deviceKey },
      challenge.Session,
      clientMetadata,
    );
  });
}

/** DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER: a remembered device stands in for MFA (§3.7). */
export async function answerDeviceSrp(ctx: AuthContext, username: string, session: string | undefined, clientMetadata?: ClientMetadata): Promise<AuthResponse> {
  const device = await loadDeviceMetadata(ctx, username);
  if (!device) {
    throw new AuthError({
      name: 'DeviceMetadataNotFoundException',
      message: 'Either deviceKey, deviceGroupKey or secretPassword were not found during the sign-in process.',
      recoverySuggestion: 'Make sure to not clear storage after calling the signIn API.',
    });
  }
  const { deviceKey: DEVICE_KEY, deviceGroupKey, randomPassword } = device;
  const secret = createSrpSecret();
  const challenge = await respondToChallenge(ctx, 'DEVICE_SRP_AUTH', { USERNAME: username, SRP_A: secret.A.toString(16), DEVICE_KEY }, session, clientMetadata);
  const params = challenge.ChallengeParameters ?? {};
  const TIMESTAMP = srpTimestamp(ctx.now());
  const { signature } = await passwordClaim({
    secret,
    username: DEVICE_KEY,
    password: randomPassword,
    poolName: deviceGroupKey,
    B: params.SRP_B!,
    salt: params.SALT!,
    secretBlock: params.SECRET_BLOCK!,
    timestamp: TIMESTAMP,
  });
  return respondToChallenge(
    ctx,
    'DEVICE_PASSWORD_VERIFIER',
    { USERNAME: params.USERNAME ?? username, PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE: signature, DEVICE_KEY },
    challenge.Session,
    clientMetadata,
  );
}
