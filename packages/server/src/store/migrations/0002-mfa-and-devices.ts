import type { Kysely } from 'kysely';

/** Per-user MFA factors and remembered devices. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_mfa')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('sms_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preferred', 'varchar(32)')
    .addColumn('totp_secret_sealed', 'text')
    .addColumn('totp_pending_sealed', 'text')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_mfa_pk', ['pool_id', 'sub'])
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('device_key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('group_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('salt', 'varchar(1024)')
    .addColumn('verifier_sealed', 'text')
    .addColumn('name', 'varchar(1024)')
    .addColumn('remembered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_ip', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_authenticated_at', 'bigint')
    .execute();
  await db.schema.createIndex('devices_user').on('devices').columns(['pool_id', 'sub']).execute();
}
