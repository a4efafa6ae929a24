import type { Kysely } from 'kysely';

/** Identity pools, their identities and linked logins, the keys of their OpenID tokens, and the credentials they vend. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_pools')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('identities')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull().references('identity_pools.id').onDelete('cascade'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identities_pool').on('identities').columns(['pool_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('identity_logins')
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('provider', 'varchar(128)', (c) => c.notNull())
    .addColumn('subject', 'varchar(1024)', (c) => c.notNull())
    .addColumn('identity_id', 'varchar(64)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // One identity per login: the key that makes a returning user find their identity again.
    .addPrimaryKeyConstraint('identity_logins_pk', ['pool_id', 'provider', 'subject'])
    .execute();
  await db.schema.createIndex('identity_logins_identity').on('identity_logins').column('identity_id').execute();

  await db.schema
    .createTable('identity_signing_keys')
    .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().unique())
    .addColumn('private_jwk_sealed', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('openid_connect_providers')
    .addColumn('url', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('issuer', 'varchar(300)', (c) => c.notNull())
    .addColumn('client_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vended_credentials')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('access_key_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('pool_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('identity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('role_arn', 'varchar(2048)', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vended_credentials_key').on('vended_credentials').column('access_key_id').execute();
  await db.schema.createIndex('vended_credentials_expiry').on('vended_credentials').column('expires_at').execute();
}
