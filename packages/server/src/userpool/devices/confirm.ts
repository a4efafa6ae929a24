import { deviceVerifierFromConfig } from '../../crypto/srp.js';
import { fail } from '../../errors.js';
import { userForAccessToken } from '../access-token-user.js';
import type { Context } from '../context.js';
import { ownDevice } from './manage.js';
import { deviceStore, deviceVerifierContext } from './store.js';

export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: { PasswordVerifier?: string | undefined; Salt?: string | undefined } | undefined;
  DeviceName?: string | undefined;
}

/**
 * ConfirmDevice: the device's SRP salt and verifier are kept (the verifier sealed), so later
 * sign-ins can prove the device. Without DeviceOnlyRememberedOnUserPrompt the device is remembered
 * at once; with it, the user must choose through UpdateDeviceStatus.
 */
export async function confirmDevice(context: Context, request: ConfirmDeviceRequest): Promise<{ UserConfirmationNecessary: boolean }> {
  const { user, pool } = await userForAccessToken(context, request.AccessToken);
  const device = await ownDevice(context, user, request.DeviceKey);
  // A second confirmation would swap the verifier under a device that already signs in with it.
  if (device.verifierSealed !== null) fail('InvalidParameterException', 'Device has already been confirmed.');
  const verifier = verifierOf(request.DeviceSecretVerifierConfig);
  const userPrompt = pool.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt === true;
  await deviceStore.update(context.db, device, {
    ...(verifier ? { salt: verifier.saltHex, verifier_sealed: context.sealer.seal(verifier.verifierHex, deviceVerifierContext(device.key)) } : {}),
    ...(request.DeviceName !== undefined ? { name: request.DeviceName } : {}),
    remembered: userPrompt ? 0 : 1,
    updated_at: context.clock.now(),
  });
  return { UserConfirmationNecessary: userPrompt };
}

function verifierOf(config: ConfirmDeviceRequest['DeviceSecretVerifierConfig']) {
  if (config === undefined) return undefined;
  try {
    return deviceVerifierFromConfig({ PasswordVerifier: config.PasswordVerifier ?? '', Salt: config.Salt ?? '' });
  } catch {
    return fail('InvalidParameterException', 'Invalid device secret verifier config.');
  }
}
