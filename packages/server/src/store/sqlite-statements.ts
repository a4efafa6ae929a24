import type SqliteDatabase from 'better-sqlite3';

/**
 * Kysely prepares every query anew; preparing costs as much as running a simple one. The queries
 * are built by code, so their texts are few: keep the prepared statements, at most `max` of them.
 */
export function withStatementCache(database: SqliteDatabase.Database, max = 500): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value: unknown = Reflect.get(target, property, receiver);
        // Native methods check their receiver: call them on the database itself.
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let statement = statements.get(source);
        if (!statement) {
          if (statements.size >= max) statements.delete(statements.keys().next().value!);
          statement = prepare(source);
          statements.set(source, statement);
        }
        return statement;
      };
    },
  });
}
