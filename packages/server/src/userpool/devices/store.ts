import type { Kysely } from 'kysely';
import type { Database, DeviceRow } from '../../store/schema.js';
import type { User } from '../../store/users.js';

/** A device a user signed in from; confirmed once ConfirmDevice gave it an SRP verifier. */
export interface Device {
  key: string;
  poolId: string;
  sub: string;
  groupKey: string;
  /** padHex of the device's SRP salt, as ConfirmDevice gave it. */
  salt: string | null;
  verifierSealed: string | null;
  name: string | null;
  remembered: boolean;
  lastIp: string | null;
  createdAt: number;
  updatedAt: number;
  lastAuthenticatedAt: number | null;
}

export type DeviceOwner = Pick<User, 'poolId' | 'sub'>;

/** Where a page of devices ends: creation time, then key. */
export interface DeviceCursor {
  at: number;
  key: string;
}

const fromRow = (row: DeviceRow): Device => ({
  key: row.device_key,
  poolId: row.pool_id,
  sub: row.sub,
  groupKey: row.group_key,
  salt: row.salt,
  verifierSealed: row.verifier_sealed,
  name: row.name,
  remembered: row.remembered === 1,
  lastIp: row.last_ip,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  lastAuthenticatedAt: row.last_authenticated_at,
});

export type DeviceChanges = Partial<Pick<DeviceRow, 'salt' | 'verifier_sealed' | 'name' | 'remembered' | 'updated_at' | 'last_authenticated_at'>>;

/** The sealing context of a device's SRP verifier: it opens for this device only. */
export const deviceVerifierContext = (deviceKey: string) => `device-verifier:${deviceKey}`;

export const deviceStore = {
  /** The device, when it is one of this user's. */
  async find(db: Kysely<Database>, owner: DeviceOwner, key: string): Promise<Device | undefined> {
    const row = await db
      .selectFrom('devices')
      .selectAll()
      .where('device_key', '=', key)
      .where('pool_id', '=', owner.poolId)
      .where('sub', '=', owner.sub)
      .executeTakeFirst();
    return row && fromRow(row);
  },

  async insert(db: Kysely<Database>, row: DeviceRow): Promise<void> {
    await db.insertInto('devices').values(row).execute();
  },

  async update(db: Kysely<Database>, device: Device, changes: DeviceChanges): Promise<void> {
    await db.updateTable('devices').set(changes).where('device_key', '=', device.key).execute();
  },

  async delete(db: Kysely<Database>, device: Device): Promise<void> {
    await db.deleteFrom('devices').where('device_key', '=', device.key).execute();
  },

  /** The user's devices in creation order, after the cursor. */
  async page(db: Kysely<Database>, owner: DeviceOwner, after: DeviceCursor | undefined, limit: number): Promise<Device[]> {
    let query = db.selectFrom('devices').selectAll().where('pool_id', '=', owner.poolId).where('sub', '=', owner.sub);
    if (after) {
      query = query.where((eb) => eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('device_key', '>', after.key)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('device_key').limit(limit).execute();
    return rows.map(fromRow);
  },
};
