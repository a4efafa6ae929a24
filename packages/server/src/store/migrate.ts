import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './dialect.js';
import * as initial from './migrations/0001-initial.js';
import * as mfaAndDevices from './migrations/0002-mfa-and-devices.js';
import * as identityPools from './migrations/0003-identity-pools.js';
import * as callerVerification from './migrations/0004-caller-verification.js';
import * as passkeys from './migrations/0005-passkeys.js';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Ordered by name; a migration, once released, is never edited: add the next one. */
const migrations: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-mfa-and-devices': mfaAndDevices,
  '0003-identity-pools': identityPools,
  '0004-caller-verification': callerVerification,
  '0005-passkeys': passkeys,
};

class StaticMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, this.dialect) }]),
    );
  }
}

/** Applies pending migrations. Kysely's lock table makes concurrent starts against one PostgreSQL safe. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrations(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
