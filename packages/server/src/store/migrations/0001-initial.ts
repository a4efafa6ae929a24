import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/** One schema for SQLite and PostgreSQL: only types and constraints both understand. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('user_pools')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_pool_clients')
    .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull().references('user_pools.id').onDelete('cascade'))
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('secret_sealed', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_pool_clients_pool').on('user_pool_clients').column('pool_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull().references('user_pools.id').onDelete('cascade'))
    .addColumn('username', 'varchar(128)', (c) => c.notNull())
    .addColumn('username_key', 'varchar(128)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('email_login', 'varchar(320)')
    .addColumn('phone_login', 'varchar(32)')
    .addColumn('preferred_username_login', 'varchar(128)')
    .addColumn('password_hash', 'text')
    .addColumn('srp_salt', 'varchar(64)')
    .addColumn('srp_verifier_sealed', 'text')
    .addColumn('password_changed_at', 'bigint')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['pool_id', 'username_key'])
    .execute();
  await db.schema.createIndex('users_sub').on('users').columns(['sub']).unique().execute();
  // One account per sign-in identifier: NULLs are distinct in both dialects, so only set values clash.
  await db.schema.createIndex('users_email_login').on('users').columns(['pool_id', 'email_login']).unique().execute();
  await db.schema.createIndex('users_phone_login').on('users').columns(['pool_id', 'phone_login']).unique().execute();
  await db.schema
    .createIndex('users_preferred_username_login')
    .on('users')
    .columns(['pool_id', 'preferred_username_login'])
    .unique()
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull().references('user_pools.id').onDelete('cascade'))
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('role_arn', 'varchar(2048)')
    .addColumn('precedence', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('groups_pk', ['pool_id', 'name'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('group_name', 'varchar(128)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['pool_id', 'group_name', 'sub'])
    .addForeignKeyConstraint('group_members_group', ['pool_id', 'group_name'], 'groups', ['pool_id', 'name'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('group_members_sub').on('group_members').column('sub').execute();

  await db.schema
    .createTable('codes')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('codes_pk', ['pool_id', 'sub', 'purpose'])
    .execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('client_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_expiry').on('auth_sessions').column('expires_at').execute();

  await db.schema
    .createTable('grants')
    .addColumn('origin_jti', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('client_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('sub', 'varchar(36)', (c) => c.notNull())
    .addColumn('auth_time', 'bigint', (c) => c.notNull())
    .addColumn('device_key', 'varchar(128)')
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grants_sub').on('grants').column('sub').execute();

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('origin_jti', 'varchar(36)', (c) => c.notNull().references('grants.origin_jti').onDelete('cascade'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('replaced_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refresh_tokens_origin').on('refresh_tokens').column('origin_jti').execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull().references('user_pools.id').onDelete('cascade'))
    .addColumn('token_use', 'varchar(16)', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('private_jwk_sealed', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // One key per pool, use and generation: processes starting together agree on the same keys.
  await db.schema.createIndex('signing_keys_generation').on('signing_keys').columns(['pool_id', 'token_use', 'generation']).unique().execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('pool_id', 'varchar(64)')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('recipient', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('code', 'varchar(16)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
