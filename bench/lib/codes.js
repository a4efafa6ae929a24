// Sign-up codes from the development outbox, read straight from the store (the server is not asked,
// so reading codes costs the server nothing) or, failing that, from GET /_dev/outbox.json.

import { createClient } from './http-client.js';

/**
 * @typedef {{ kind: 'sqlite', path: string } | { kind: 'postgres', url: string } | { kind: 'outbox', url: string }} CodeSource
 * @typedef {{ read(email: string): Promise<string>, close(): Promise<void> }} CodeReader
 */

const query = 'SELECT code FROM outbox WHERE recipient = ? AND code IS NOT NULL ORDER BY id DESC LIMIT 1';

/** @param {CodeSource} source @returns {Promise<CodeReader>} */
export async function openCodeReader(source) {
  if (source.kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(source.path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const statement = db.prepare(query);
    return {
      read: (email) => retry(email, async () => /** @type {{ code: string } | undefined} */ (statement.get(email))?.code),
      async close() {
        db.close();
      },
    };
  }
  if (source.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: source.url, max: 2 });
    pool.on('error', () => {});
    const text = query.replace('?', '$1');
    return {
      read: (email) => retry(email, async () => (await pool.query(text, [email])).rows[0]?.code),
      close: () => pool.end(),
    };
  }
  const client = createClient({ url: source.url, connections: 1 });
  return {
    read: (email) =>
      retry(email, async () => {
        const response = await client.get(0, '/_dev/outbox.json');
        /** @type {Array<{ to: string, code: string | null }>} */
        const entries = JSON.parse(response.body.toString('utf8'));
        return entries.find((entry) => entry.to === email && entry.code)?.code ?? undefined;
      }),
    async close() {
      client.close();
    },
  };
}

/** @param {string} email @param {() => Promise<string | undefined>} attempt */
async function retry(email, attempt) {
  for (let i = 0; i < 50; i++) {
    const code = await attempt();
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no code in the outbox for ${email}`);
}
