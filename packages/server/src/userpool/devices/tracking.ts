import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import { regionOf, type UserPoolSettings } from '../pool.js';
import { deviceStore } from './store.js';

/** Cognito's NewDeviceMetadataType. */
export interface NewDeviceMetadata {
  DeviceKey: string;
  DeviceGroupKey: string;
}

/** A pool tracks devices once its DeviceConfiguration has any value, as Cognito documents. */
export const deviceTrackingOn = (pool: UserPoolSettings): boolean => pool.DeviceConfiguration != null;

/**
 * One group per user, derived from the master key: stable without being stored anywhere else, and
 * telling nothing about the user. Cognito's group keys start with a dash.
 */
function deviceGroupKeyOf(context: Context, user: Pick<User, 'poolId' | 'sub'>): string {
  const derived = context.sealer.derive(`device-group:${user.poolId}:${user.sub}`).toString('base64');
  return `-${derived.replace(/[^A-Za-z0-9]/g, '').slice(0, 9)}`;
}

/**
 * The device tokens are issued for: the one the sign-in named, or, when the pool tracks devices and
 * the sign-in named none, a new unconfirmed device whose metadata goes back with the tokens.
 */
export async function deviceForTokens(
  context: Context,
  pool: UserPoolSettings,
  user: User,
  namedDeviceKey: string | undefined,
): Promise<{ deviceKey: string | null; newDevice?: NewDeviceMetadata }> {
  const now = context.clock.now();
  if (namedDeviceKey !== undefined) {
    await context.db.updateTable('devices').set({ last_authenticated_at: now }).where('device_key', '=', namedDeviceKey).execute();
    return { deviceKey: namedDeviceKey };
  }
  if (!deviceTrackingOn(pool)) return { deviceKey: null };
  const newDevice = { DeviceKey: `${regionOf(pool.Id)}_${context.random.uuid()}`, DeviceGroupKey: deviceGroupKeyOf(context, user) };
  await deviceStore.insert(context.db, {
    device_key: newDevice.DeviceKey,
    pool_id: pool.Id,
    sub: user.sub,
    group_key: newDevice.DeviceGroupKey,
    salt: null,
    verifier_sealed: null,
    name: null,
    remembered: 0,
    last_ip: null,
    created_at: now,
    updated_at: now,
    last_authenticated_at: now,
  });
  return { deviceKey: newDevice.DeviceKey, newDevice };
}
