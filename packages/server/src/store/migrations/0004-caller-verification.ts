import type { Kysely } from 'kysely';

/**
 * What a service verifying a caller needs besides the secret: the authentication methods and the
 * role session name of vended credentials, and the inline policies of the roles they are vended for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('vended_credentials').addColumn('amr', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema
    .alterTable('vended_credentials')
    .addColumn('session_name', 'varchar(64)', (c) => c.notNull().defaultTo('CognitoIdentityCredentials'))
    .execute();

  await db.schema
    .createTable('role_policies')
    .addColumn('role_arn', 'varchar(2048)', (c) => c.notNull())
    .addColumn('policy_name', 'varchar(128)', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_policies_pk', ['role_arn', 'policy_name'])
    .execute();
}
