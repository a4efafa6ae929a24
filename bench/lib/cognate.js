// The Cognate server under test: its config, its process, its seeded users and tokens.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, createClient } from './http-client.js';
import { startProcess } from './processes.js';

export const cognateJs = resolve(fileURLToPath(new URL('../../packages/server/dist/cognate.js', import.meta.url)));

export const benchPoolId = 'us-east-1_Bench01';
export const benchClientId = 'benchclient';
export const benchPassword = 'Bench-password-1';
export const benchIdentityPoolId = 'us-east-1:00000000-0000-4000-8000-00000000be01';
const benchGuestRole = 'arn:aws:iam::000000000000:role/bench-guest';

/**
 * The bench pool: email as username (codes by email, to the development outbox), a lenient password
 * policy, and one public client with the SRP, password and refresh flows. Refresh tokens do not
 * rotate (Cognito's default), so a refresh token can be redeemed again and again.
 */
export const benchConfig = {
  Region: 'us-east-1',
  UserPools: [
    {
      Id: benchPoolId,
      PoolName: 'bench',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: false, RequireLowercase: false, RequireNumbers: false, RequireSymbols: false },
      },
      Clients: [
        {
          ClientId: benchClientId,
          ClientName: 'bench',
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
    },
  ],
  IdentityPools: [{ Id: benchIdentityPoolId, IdentityPoolName: 'bench', AllowUnauthenticatedIdentities: true, Roles: { unauthenticated: benchGuestRole } }],
  Roles: [
    {
      RoleArn: benchGuestRole,
      Policies: [
        {
          PolicyName: 'own-folder',
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'files:Get', Resource: 'arn:aws:files:::bench/${cognito-identity.amazonaws.com:sub}/*' }] },
        },
      ],
    },
  ],
};

/** Writes the bench config into `dir`; returns its path. @param {string} dir */
export function writeBenchConfig(dir) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'cognate.bench.json');
  writeFileSync(path, JSON.stringify(benchConfig, null, 2) + '\n');
  return path;
}

/** A master key for one benchmark run (passed in the environment: no key file is written). */
export const newMasterKey = () => randomBytes(32).toString('hex');

// Variables of the developer's shell that would point the server at another store or config.
const inheritedToDrop = /^(HOST|PORT|DATABASE_URL|COGNATE_.*|NODE_OPTIONS)$/;

/**
 * @typedef {object} CognateOptions
 * @property {string} dataDir
 * @property {string} configPath
 * @property {string} masterKey
 * @property {string} [databaseUrl]
 * @property {string} [cpuProfDir] run under `node --cpu-prof`, writing the profile there on exit
 * @property {string[]} [nodeFlags] more node options for the server process (experiments: --max-semi-space-size=4)
 */

/**
 * Starts `node packages/server/dist/cognate.js serve` on a free loopback port.
 * @param {CognateOptions} options
 */
export async function startCognate(options) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) if (!inheritedToDrop.test(name)) env[name] = value;
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: '0',
    COGNATE_DATA_DIR: options.dataDir,
    COGNATE_CONFIG: options.configPath,
    COGNATE_MASTER_KEY: options.masterKey,
  });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const nodeArgs = [...(options.nodeFlags ?? []), ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [])];
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const started = performance.now();
  // cwd is the data dir, so no cognate.config.json of the repository is picked up by accident.
  const child = startProcess(process.execPath, [...nodeArgs, cognateJs, 'serve'], { cwd: options.dataDir, env });
  const [, url] = await child.waitFor(/^Cognate listening on (\S+)/);
  return { child, url, pid: child.pid, listeningMs: performance.now() - started, started };
}

/**
 * Cold start: process start to the first successful sign-in (USER_PASSWORD_AUTH), on a store that
 * already holds the user.
 * @param {CognateOptions} options @param {{ email: string, password: string }} user
 */
export async function measureColdStart(options, user) {
  const server = await startCognate(options);
  const client = createClient({ url: server.url, connections: 1 });
  try {
    const result = await call(client, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: benchClientId,
      AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
    });
    const signedInMs = performance.now() - server.started;
    if (!result.AuthenticationResult?.AccessToken) throw new Error('cold start: the sign-in returned no tokens');
    return { listeningMs: server.listeningMs, firstSignInMs: signedInMs, pid: server.pid };
  } finally {
    client.close();
    await server.child.stop();
  }
}

/**
 * @typedef {object} Seed
 * @property {Array<{ email: string, password: string }>} users confirmed users, for the sign-in phases
 * @property {Array<{ accessToken: string, refreshToken: string }>} sessions one sign-in of each user
 * @property {Array<{ accessKeyId: string, secretKey: string, sessionToken: string }>} credentials guest credentials of as many identities, for the caller check
 */

/**
 * Signs `count` users up and confirms them (codes from `readCode`), then signs each in once; and
 * vends guest credentials to as many identities.
 * @param {{ url: string, count: number, concurrency?: number, readCode: (email: string) => Promise<string>, prefix?: string }} options
 * @returns {Promise<Seed>}
 */
export async function seedCognate({ url, count, concurrency = 4, readCode, prefix = 'bench-user' }) {
  const client = createClient({ url, connections: concurrency });
  try {
    const users = Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}@example.com`, password: benchPassword }));
    await forEachLimited(users, concurrency, async (user, slot) => {
      await call(client, 'SignUp', { ClientId: benchClientId, Username: user.email, Password: user.password, UserAttributes: [{ Name: 'email', Value: user.email }] }, slot);
      const code = await readCode(user.email);
      await call(client, 'ConfirmSignUp', { ClientId: benchClientId, Username: user.email, ConfirmationCode: code }, slot);
    });
    const sessions = await signInAll(client, users, concurrency, benchClientId);
    const credentials = await guestCredentials(client, count, concurrency);
    return { users, sessions, credentials };
  } finally {
    client.close();
  }
}

/**
 * Credentials for `count` new guest identities of the bench identity pool.
 * @param {import('./http-client.js').Client} client @param {number} count @param {number} concurrency
 */
async function guestCredentials(client, count, concurrency) {
  const identity = async (/** @type {string} */ operation, /** @type {object} */ input, /** @type {number} */ slot) => {
    const response = await client.post(slot, `AWSCognitoIdentityService.${operation}`, JSON.stringify(input));
    if (response.status !== 200) throw new Error(`${operation}: HTTP ${response.status} ${response.body.toString('utf8').slice(0, 200)}`);
    return JSON.parse(response.body.toString('utf8'));
  };
  /** @type {Array<{ accessKeyId: string, secretKey: string, sessionToken: string }>} */
  const credentials = new Array(count);
  await forEachLimited(Array.from({ length: count }, (_, i) => i), concurrency, async (index, slot) => {
    const { IdentityId } = await identity('GetId', { IdentityPoolId: benchIdentityPoolId }, slot);
    const { Credentials } = await identity('GetCredentialsForIdentity', { IdentityId }, slot);
    credentials[index] = { accessKeyId: Credentials.AccessKeyId, secretKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken };
  });
  return credentials;
}

/**
 * One USER_PASSWORD_AUTH sign-in per user: their access and refresh tokens.
 * @param {import('./http-client.js').Client} client @param {Array<{ email: string, password: string }>} users
 * @param {number} concurrency @param {string} clientId
 */
export async function signInAll(client, users, concurrency, clientId) {
  /** @type {Array<{ accessToken: string, refreshToken: string }>} */
  const sessions = new Array(users.length);
  await forEachLimited(users, concurrency, async (user, slot, index) => {
    const result = await call(client, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } }, slot);
    const tokens = result.AuthenticationResult;
    if (!tokens?.AccessToken || !tokens?.RefreshToken) throw new Error(`sign-in of ${user.email} returned no tokens`);
    sessions[index] = { accessToken: tokens.AccessToken, refreshToken: tokens.RefreshToken };
  });
  return sessions;
}

/**
 * Runs `work` over `items` with at most `limit` at once; `slot` is the worker's number.
 * @template T
 * @param {T[]} items @param {number} limit @param {(item: T, slot: number, index: number) => Promise<void>} work
 */
export async function forEachLimited(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async (_, slot) => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], slot, index);
      }
    }),
  );
}
