/** Which unique constraint a failed insert or update hit, in either dialect; undefined for other errors. */
export function uniqueViolation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: string; constraint?: string; message?: string };
  // PostgreSQL names the constraint; SQLite names the columns in its message.
  if (e.code === '23505') return e.constraint ?? 'unknown';
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return e.message ?? 'unknown';
  return undefined;
}
