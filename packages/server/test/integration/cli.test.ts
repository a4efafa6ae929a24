import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, topics } from '../../src/cli/commands.js';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { createTestDatabase, createTestDataDir, dialects } from '../support/databases.js';
import { cognateJs } from '../support/process-server.js';
import { decodePayload, passwordSignIn, rejection, uniqueEmail } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';

const poolId = 'us-east-1_CliPool1';
const clientId = 'cliclient1';
const password = 'Cli-pass-word-9';

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'cli',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Clients: [{ ClientId: clientId, ClientName: 'cli-app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The developer's shell must not point the command at another store.
const inheritedVariablesToDrop = /^(HOST|PORT|DATABASE_URL|COGNATE_.*)$/;

function runCli(args: string[], env: Record<string, string>, cwd: string): Promise<CliResult> {
  if (!existsSync(cognateJs)) throw new Error(`${cognateJs} does not exist: the CLI tests run the built CLI, so run \`npm run build\` first (\`npm test\` does).`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !inheritedVariablesToDrop.test(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, [cognateJs, ...args], { cwd, env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe.each(dialects)('the cognate command on the store of a running server (%s)', (dialect) => {
  let server: RunningServer;
  let env: Record<string, string>;
  let cwd: string;
  const cognate = async (...args: string[]) => runCli(args, env, cwd);
  /** Runs a command that must succeed, and answers its output. */
  const ok = async (...args: string[]) => {
    const result = await cognate(...args);
    expect(result.stderr, `cognate ${args.join(' ')}`).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
  };
  const json = async (...args: string[]) => JSON.parse(await ok(...args, '--json'));

  beforeAll(async () => {
    const masterKey = randomBytes(32).toString('hex');
    const serverDataDir = await createTestDataDir();
    const databaseUrl = dialect === 'postgres' ? await createTestDatabase() : undefined;
    server = await startTestServer(dialect, { config, dataDir: serverDataDir, databaseUrl, masterKey });
    // On PostgreSQL the command has a data directory of its own: the database and the key are what it shares.
    cwd = dialect === 'sqlite' ? serverDataDir : await createTestDataDir();
    env = { COGNATE_DATA_DIR: cwd, COGNATE_MASTER_KEY: masterKey, COGNATE_PUBLIC_URL: server.url, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('creates a user with a password who then signs in through the server, and lists and finds it', async () => {
    const email = uniqueEmail('cli');
    const created = await ok('users', 'create', email, '--password', password, '--attribute', 'name=Ann Example');
    expect(created).toContain(`Created user ${email} in ${poolId}.`);
    expect(created).toMatch(/status\s+CONFIRMED/);

    const tokens = await passwordSignIn(server, email, undefined, password);
    expect(decodePayload(tokens.IdToken!)).toMatchObject({ email, name: 'Ann Example' });

    const listed = await json('users', 'list');
    const user = listed.Users.find((u: { Attributes: Array<{ Name: string; Value: string }> }) => u.Attributes.some((a) => a.Name === 'email' && a.Value === email));
    expect(user).toMatchObject({ UserStatus: 'CONFIRMED', Enabled: true });

    const table = await ok('users', 'list');
    expect(table.split('\n')[0]).toMatch(/^USERNAME\s+EMAIL\s+STATUS\s+ENABLED\s+CREATED$/);
    expect(table).toContain(email);

    const fetched = await json('users', 'get', email);
    expect(fetched).toMatchObject({ Username: user.Username, UserStatus: 'CONFIRMED', Enabled: true });
  });

  it('filters and limits the list', async () => {
    const prefix = `filter-${randomBytes(4).toString('hex')}`;
    const emails = [`${prefix}-a@example.com`, `${prefix}-b@example.com`, `other-${prefix}@example.com`];
    for (const email of emails) await ok('users', 'create', email, '--suppress');

    const exact = await json('users', 'list', '--filter', `email = "${emails[1]}"`);
    expect(exact.Users.map(emailOf)).toEqual([emails[1]]);
    const byPrefix = await json('users', 'list', '--filter', `email ^= "${prefix}"`);
    expect(byPrefix.Users.map(emailOf).sort()).toEqual(emails.slice(0, 2));
    const limited = await json('users', 'list', '--filter', `email ^= "${prefix}"`, '--limit', '1');
    expect(limited.Users).toHaveLength(1);

    const bad = await cognate('users', 'list', '--filter', 'email ~ "x"');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^cognate: InvalidParameterException: Error while parsing filter/);
  });

  it('disables and enables a user: a disabled user cannot sign in', async () => {
    const email = uniqueEmail('cli-disabled');
    await ok('users', 'create', email, '--password', password);
    expect(await ok('users', 'disable', email)).toBe(`Disabled ${email}.\n`);
    expect(await rejection(passwordSignIn(server, email, undefined, password))).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect((await json('users', 'get', email)).Enabled).toBe(false);
    await ok('users', 'enable', email);
    await passwordSignIn(server, email, undefined, password);
  });

  it('sets a temporary password, and a permanent one that signs in', async () => {
    const email = uniqueEmail('cli-password');
    await ok('users', 'create', email, '--temporary-password', 'Temp-pass-word-1', '--suppress');
    expect((await json('users', 'get', email)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    await ok('users', 'set-password', email, 'New-pass-word-2');
    await passwordSignIn(server, email, undefined, 'New-pass-word-2');
    await ok('users', 'set-password', email, 'Other-pass-word-3', '--temporary');
    expect((await json('users', 'get', email)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('puts a user in a group, which the next token carries as cognito:groups', async () => {
    const email = uniqueEmail('cli-group');
    await ok('users', 'create', email, '--password', password);
    await ok('groups', 'create', 'editors', '--description', 'They edit', '--precedence', '3');
    expect(await ok('groups', 'add-user', 'editors', email)).toBe(`Added ${email} to editors.\n`);

    const tokens = await passwordSignIn(server, email, undefined, password);
    expect(decodePayload(tokens.AccessToken!)['cognito:groups']).toEqual(['editors']);
    expect((await json('groups', 'list')).Groups).toEqual([expect.objectContaining({ GroupName: 'editors', Description: 'They edit', Precedence: 3 })]);
    expect(await ok('users', 'get', email)).toMatch(/groups\s+editors/);

    await ok('groups', 'remove-user', 'editors', email);
    const after = await passwordSignIn(server, email, undefined, password);
    expect(decodePayload(after.AccessToken!)['cognito:groups']).toBeUndefined();
  });

  it('prints amplify_outputs.json for the pool and client', async () => {
    const outputs = JSON.parse(await ok('outputs'));
    expect(outputs).toMatchObject({
      version: '1.4',
      auth: { aws_region: 'us-east-1', user_pool_id: poolId, user_pool_client_id: clientId, username_attributes: ['email'] },
      custom: { cognate: { user_pool_endpoint: `${server.url}/` } },
    });
    expect(JSON.parse(await ok('outputs', '--pool', poolId, '--client', clientId)).auth.user_pool_client_id).toBe(clientId);
    const unknown = await cognate('outputs', '--client', 'noclient1');
    expect(unknown).toMatchObject({ code: 1, stderr: 'cognate: ResourceNotFoundException: User pool client noclient1 does not exist.\n' });
  });

  it('applies a config file, whose pool the server and pools list then show', async () => {
    const file = join(await createTestDataDir(), 'more.config.json');
    const added: ConfigFile = { UserPools: [{ Id: 'us-east-1_CliPool2', PoolName: 'cli-second', Clients: [{ ClientId: 'cliclient2', ClientName: 'second-app' }] }] };
    await writeFile(file, JSON.stringify(added));
    expect(await ok('config', 'apply', file)).toContain('user pool us-east-1_CliPool2 (cli-second)');

    const { UserPools } = await json('pools', 'list');
    expect(UserPools.map((pool: { Id: string }) => pool.Id)).toEqual([poolId, 'us-east-1_CliPool2']);
    const shown = await json('pools', 'show', 'us-east-1_CliPool2');
    expect(shown.UserPool).toMatchObject({ Id: 'us-east-1_CliPool2', Name: 'cli-second' });
    expect(shown.UserPoolClients).toEqual([expect.objectContaining({ ClientId: 'cliclient2', ClientName: 'second-app' })]);
    // The first pool stays the default.
    expect(await ok('pools', 'show')).toMatch(/^pool\s+us-east-1_CliPool1 \(cli\)/);

    await writeFile(file, JSON.stringify({ UserPools: [{ PoolName: 'bad', MfaConfiguration: 'SOMETIMES' }] }));
    const bad = await cognate('config', 'apply', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^cognate: invalid config ${file}: UserPools\\[0\\]\\.MfaConfiguration: [^\\n]+\\n$`));
  });

  it('answers a bad command, bad arguments and an unknown user with one line and a non-zero status', async () => {
    expect(await cognate('frobnicate')).toEqual({ code: 2, stdout: '', stderr: 'cognate: unknown command "frobnicate" (see cognate --help)\n' });
    expect(await cognate('users', 'frob')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^cognate: unknown command "users frob": one of create, [^\n]+\n$/) });
    expect(await cognate('users', 'create')).toMatchObject({ code: 2, stderr: 'cognate: users create: missing <username> (see cognate users create --help)\n' });
    expect(await cognate('users', 'list', '--bogus')).toMatchObject({ code: 2, stderr: "cognate: users list: Unknown option '--bogus' (see cognate users list --help)\n" });
    expect(await cognate('users', 'list', '--limit', 'many')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cognate: users list: --limit must be a whole number/) });
    expect(await cognate('users', 'get', 'nobody@example.com')).toEqual({ code: 1, stdout: '', stderr: 'cognate: UserNotFoundException: User does not exist.\n' });
    expect(await cognate('users', 'create', uniqueEmail('weak'), '--password', 'short')).toMatchObject({
      code: 1,
      stderr: 'cognate: InvalidPasswordException: Password does not conform to policy: Password not long enough\n',
    });
    expect(await cognate('users', 'get', 'someone@example.com', '--pool', 'us-east-1_NoSuchPool')).toMatchObject({
      code: 1,
      stderr: 'cognate: ResourceNotFoundException: User pool us-east-1_NoSuchPool does not exist.\n',
    });
  });

  it('refuses to work with a master key other than the server\'s', async () => {
    const result = await runCli(['users', 'list'], { ...env, COGNATE_MASTER_KEY: randomBytes(32).toString('hex') }, cwd);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cognate: the master key does not open this store's keys: [^\n]+\n$/) });
  });

  it('has --help on every command', async () => {
    const top = await ok('--help');
    for (const command of commands) expect(top).toContain(command.name.join(' '));
    for (const topic of Object.keys(topics)) expect(await ok(topic, '--help')).toMatch(new RegExp(`^Usage: cognate ${topic} <command>`));
    const helps = await Promise.all(commands.map((command) => ok(...command.name, '--help')));
    commands.forEach((command, index) => {
      expect(helps[index]).toMatch(new RegExp(`^Usage: cognate ${command.name.join(' ')}`));
      expect(helps[index]).toContain('-h, --help');
    });
  });
});

const emailOf = (user: { Attributes: Array<{ Name: string; Value: string }> }) => user.Attributes.find((a) => a.Name === 'email')?.Value;
