import type { AuthContext } from '../core/context.js';
import { callUserPool } from '../core/transport.js';
import { AuthError } from '../errors.js';
import { clearFederatedInfo } from '../identity/federated-info.js';
import { userFromTokens } from '../session/current-user.js';
import { createDeviceVerifier } from '../srp/srp.js';
import { storeTokens, tokensFromResult, type DeviceMetadata } from '../tokens/token-store.js';
import type { CognitoAuthSignInDetails, SignInOutput } from '../types.js';
import type { AuthenticationResult } from './respond.js';
import { clearSignInState } from './state.js';

/** Stores the tokens of a finished sign-in, registers a new device, and tells listeners. */
export async function completeSignIn(
  ctx: AuthContext,
  result: AuthenticationResult,
  username: string,
  signInDetails: CognitoAuthSignInDetails | undefined,
): Promise<SignInOutput> {
  if (!result.AccessToken) throw new AuthError({ name: 'InvalidTokens', message: 'Invalid tokens', recoverySuggestion: 'Check Cognito UserPool settings' });
  const tokens = { ...tokensFromResult(ctx, result, username), signInDetails, deviceMetadata: await confirmNewDevice(ctx, result) };
  await storeTokens(ctx, tokens);
  // A user-pool user replaces a federated one (federatedSignIn refuses the other way round).
  await clearFederatedInfo(ctx);
  await clearSignInState(ctx);
  ctx.autoSignIn = undefined;
  ctx.hub.dispatch('auth', { event: 'signedIn', data: userFromTokens(tokens) }, 'Auth');
  return { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
}

/**
 * With device tracking on, the server hands out a device key; ConfirmDevice registers the SRP
 * verifier of a fresh random password for it (reference §2.8.4 I). As Amplify, a failure here only
 * means the device is not remembered.
 */
async function confirmNewDevice(ctx: AuthContext, result: AuthenticationResult): Promise<DeviceMetadata | undefined> {
  const { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey } = result.NewDeviceMetadata ?? {};
  if (!deviceKey || !deviceGroupKey) return undefined;
  try {
    const { randomPassword, config } = await createDeviceVerifier(deviceGroupKey, deviceKey);
    await callUserPool(ctx, 'ConfirmDevice', {
      AccessToken: result.AccessToken,
      DeviceKey: deviceKey,
      DeviceSecretVerifierConfig: config,
      DeviceName: (globalThis as { navigator?: Navigator }).navigator?.userAgent ?? 'Node.js',
    });
    return { deviceKey, deviceGroupKey, randomPassword };
  } catch {
    return undefined;
  }
}
