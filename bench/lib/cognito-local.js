// The comparison peer: the cognito-local emulator (npm package `cognito-local`), driven with the same
// load process. It does not verify SRP and has no PostgreSQL store, so only the password sign-in,
// refresh and GetUser phases are compared.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { forEachLimited, signInAll } from './cognate.js';
import { call, createClient } from './http-client.js';
import { freePort, sleep, startProcess } from './processes.js';

/** The cognito-local CLI script, or undefined when the package is not installed. */
export function findCognitoLocal() {
  const require = createRequire(import.meta.url);
  /** @type {string | undefined} */
  let root;
  try {
    root = dirname(require.resolve('cognito-local/package.json'));
  } catch {
    try {
      // Packages whose "exports" hide package.json: walk up from the entry point.
      for (let dir = dirname(require.resolve('cognito-local')); dir !== dirname(dir); dir = dirname(dir)) {
        if (existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'cognito-local') {
          root = dir;
          break;
        }
      }
    } catch {
      return undefined;
    }
  }
  if (!root) return undefined;
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['cognito-local'];
  return bin ? { script: join(root, bin), version: String(manifest.version) } : undefined;
}

/**
 * Starts cognito-local on a free loopback port with its data in `dir`, waiting until it answers HTTP.
 * @param {{ script: string }} peer @param {string} dir
 */
export async function startCognitoLocal(peer, dir) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DEBUG: '' };
  const started = performance.now();
  // cognito-local keeps its config and data under .cognito/ in its working directory.
  const child = startProcess(process.execPath, [peer.script], { cwd: dir, env });
  const client = createClient({ url, connections: 1 });
  try {
    for (let attempt = 0; ; attempt++) {
      const exited = await Promise.race([child.exited.then(() => true), sleep(50).then(() => false)]);
      if (exited) throw new Error(`cognito-local exited while starting:\n${child.stdout.slice(-10).join('\n')}\n${child.stderr.slice(-10).join('\n')}`);
      try {
        await client.get(0, '/health');
        break;
      } catch {
        if (attempt > 400) throw new Error('cognito-local did not answer within 20 s');
      }
    }
  } finally {
    client.close();
  }
  return { child, url, pid: child.pid, listeningMs: performance.now() - started };
}

/**
 * A pool, a client with the password and refresh flows, and `count` users with permanent passwords
 * (AdminCreateUser + AdminSetUserPassword; cognito-local does not check admin credentials), each
 * signed in once.
 * @param {{ url: string, count: number, password: string, concurrency?: number }} options
 */
export async function seedCognitoLocal({ url, count, password, concurrency = 4 }) {
  const client = createClient({ url, connections: concurrency });
  try {
    const { UserPool } = await call(client, 'CreateUserPool', { PoolName: 'bench' });
    const poolId = String(UserPool.Id);
    const { UserPoolClient } = await call(client, 'CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'bench',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
    });
    const clientId = String(UserPoolClient.ClientId);
    const users = Array.from({ length: count }, (_, i) => ({ email: `bench-user-${i}@example.com`, password }));
    // cognito-local keeps every pool in one JSON document rewritten on each change: create users one by one.
    await forEachLimited(users, 1, async (user) => {
      await call(client, 'AdminCreateUser', {
        UserPoolId: poolId,
        Username: user.email,
        TemporaryPassword: user.password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      });
      await call(client, 'AdminSetUserPassword', { UserPoolId: poolId, Username: user.email, Password: user.password, Permanent: true });
    });
    const sessions = await signInAll(client, users, concurrency, clientId);
    return { poolId, clientId, users, sessions };
  } finally {
    client.close();
  }
}
