import type { Kysely } from 'kysely';

/**
 * Passkeys: the credentials users registered with CompleteWebAuthnRegistration, and the one
 * registration each user may have under way between StartWebAuthnRegistration and its completion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webauthn_credentials')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('credential_id', 'varchar(1024)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('sign_count', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attachment', 'varchar(32)')
    .addColumn('friendly_name', 'varchar(256)', (c) => c.notNull())
    .addColumn('relying_party_id', 'varchar(127)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addPrimaryKeyConstraint('webauthn_credentials_pk', ['pool_id', 'credential_id'])
    .execute();
  await db.schema.createIndex('webauthn_credentials_user').on('webauthn_credentials').columns(['pool_id', 'sub']).execute();

  await db.schema
    .createTable('webauthn_registrations')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('client_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('challenge', 'varchar(128)', (c) => c.notNull())
    .addColumn('relying_party_id', 'varchar(127)', (c) => c.notNull())
    .addColumn('user_verification', 'varchar(16)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webauthn_registrations_pk', ['pool_id', 'sub'])
    .execute();
}
