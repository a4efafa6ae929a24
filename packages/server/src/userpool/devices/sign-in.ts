import { fail } from '../../errors.js';
import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import type { UserPoolSettings } from '../pool.js';
import { deviceDoesNotExist } from './manage.js';
import { deviceStore, type Device } from './store.js';
import { deviceTrackingOn } from './tracking.js';

/**
 * The device a sign-in names in DEVICE_KEY, once the pool tracks devices. A key that names none of
 * the user's devices fails with Cognito's text, on which Amplify drops the key and repeats the same
 * step without it. A user that does not exist has no devices.
 */
export async function signInDevice(context: Context, pool: UserPoolSettings, user: User | undefined, deviceKey: string | undefined): Promise<Device | undefined> {
  if (!deviceKey || !deviceTrackingOn(pool)) return undefined;
  const device = user && (await deviceStore.find(context.db, user, deviceKey));
  return device ?? fail('ResourceNotFoundException', deviceDoesNotExist);
}

/** Only a remembered device with a verifier from ConfirmDevice can prove itself with device SRP. */
export const canProveDevice = (device: Device): boolean => device.remembered && device.verifierSealed !== null;

/**
 * ChallengeRequiredOnNewDevice, as Cognito documents it: "When true, a remembered device can sign
 * in with device authentication instead of SMS and TOTP factors for MFA."
 */
export const deviceReplacesMfa = (pool: UserPoolSettings): boolean => pool.DeviceConfiguration?.ChallengeRequiredOnNewDevice === true;
