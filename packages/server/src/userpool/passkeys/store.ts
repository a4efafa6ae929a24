import type { Kysely } from 'kysely';
import type { Database, WebAuthnCredentialRow, WebAuthnRegistrationRow } from '../../store/schema.js';
import type { User } from '../../store/users.js';

export type PasskeyOwner = Pick<User, 'poolId' | 'sub'>;

/** A registered passkey. */
export interface Passkey {
  poolId: string;
  sub: string;
  /** base64url, as the authenticator made it. */
  id: string;
  /** COSE public key, base64url. */
  publicKey: string;
  signCount: number;
  transports: string[];
  attachment: string | null;
  friendlyName: string;
  relyingPartyId: string;
  createdAt: number;
}

/** Where a page of passkeys ends: creation time, then credential id. */
export interface PasskeyCursor {
  at: number;
  id: string;
}

const fromRow = (row: WebAuthnCredentialRow): Passkey => ({
  poolId: row.pool_id,
  sub: row.sub,
  id: row.credential_id,
  publicKey: row.public_key,
  signCount: Number(row.sign_count),
  transports: JSON.parse(row.transports) as string[],
  attachment: row.attachment,
  friendlyName: row.friendly_name,
  relyingPartyId: row.relying_party_id,
  createdAt: Number(row.created_at),
});

export const passkeyStore = {
  async ofUser(db: Kysely<Database>, owner: PasskeyOwner): Promise<Passkey[]> {
    const rows = await db
      .selectFrom('webauthn_credentials')
      .selectAll()
      .where('pool_id', '=', owner.poolId)
      .where('sub', '=', owner.sub)
      .orderBy('created_at')
      .orderBy('credential_id')
      .execute();
    return rows.map(fromRow);
  },

  /** Whether the user holds a passkey made for this relying party. */
  async hasAnyFor(db: Kysely<Database>, owner: PasskeyOwner, rpId: string): Promise<boolean> {
    const row = await db
      .selectFrom('webauthn_credentials')
      .select('credential_id')
      .where('pool_id', '=', owner.poolId)
      .where('sub', '=', owner.sub)
      .where('relying_party_id', '=', rpId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async find(db: Kysely<Database>, owner: PasskeyOwner, credentialId: string): Promise<Passkey | undefined> {
    const row = await db
      .selectFrom('webauthn_credentials')
      .selectAll()
      .where('pool_id', '=', owner.poolId)
      .where('sub', '=', owner.sub)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
    return row && fromRow(row);
  },

  /** False when the pool already holds a passkey with this id. */
  async insert(db: Kysely<Database>, passkey: Passkey): Promise<boolean> {
    const inserted = await db
      .insertInto('webauthn_credentials')
      .values({
        pool_id: passkey.poolId,
        credential_id: passkey.id,
        sub: passkey.sub,
        public_key: passkey.publicKey,
        sign_count: passkey.signCount,
        transports: JSON.stringify(passkey.transports),
        attachment: passkey.attachment,
        friendly_name: passkey.friendlyName,
        relying_party_id: passkey.relyingPartyId,
        created_at: passkey.createdAt,
        last_used_at: null,
      })
      .onConflict((oc) => oc.columns(['pool_id', 'credential_id']).doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
  },

  /**
   * Records a use: the new signature counter, only if nobody recorded another use since the passkey
   * was read, so of two concurrent sign-ins with one assertion only one gets through.
   */
  async recordUse(db: Kysely<Database>, passkey: Passkey, signCount: number, now: number): Promise<boolean> {
    const updated = await db
      .updateTable('webauthn_credentials')
      .set({ sign_count: signCount, last_used_at: now })
      .where('pool_id', '=', passkey.poolId)
      .where('credential_id', '=', passkey.id)
      .where('sign_count', '=', passkey.signCount)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  },

  async delete(db: Kysely<Database>, owner: PasskeyOwner, credentialId: string): Promise<boolean> {
    const deleted = await db
      .deleteFrom('webauthn_credentials')
      .where('pool_id', '=', owner.poolId)
      .where('sub', '=', owner.sub)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  },

  async page(db: Kysely<Database>, owner: PasskeyOwner, after: PasskeyCursor | undefined, limit: number): Promise<Passkey[]> {
    let query = db.selectFrom('webauthn_credentials').selectAll().where('pool_id', '=', owner.poolId).where('sub', '=', owner.sub);
    if (after) {
      query = query.where((eb) => eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('credential_id', '>', after.id)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('credential_id').limit(limit).execute();
    return rows.map(fromRow);
  },
};

/** The registration under way for a user; a new StartWebAuthnRegistration replaces it. */
export const registrationStore = {
  async put(db: Kysely<Database>, row: WebAuthnRegistrationRow): Promise<void> {
    const { pool_id: _pool, sub: _sub, ...replaced } = row;
    await db
      .insertInto('webauthn_registrations')
      .values(row)
      .onConflict((oc) => oc.columns(['pool_id', 'sub']).doUpdateSet(replaced))
      .execute();
  },

  async find(db: Kysely<Database>, owner: PasskeyOwner): Promise<WebAuthnRegistrationRow | undefined> {
    return db.selectFrom('webauthn_registrations').selectAll().where('pool_id', '=', owner.poolId).where('sub', '=', owner.sub).executeTakeFirst();
  },

  /** Spends the registration; false when another completion spent it first. */
  async take(db: Kysely<Database>, row: WebAuthnRegistrationRow): Promise<boolean> {
    const deleted = await db
      .deleteFrom('webauthn_registrations')
      .where('pool_id', '=', row.pool_id)
      .where('sub', '=', row.sub)
      .where('challenge', '=', row.challenge)
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  },
};
