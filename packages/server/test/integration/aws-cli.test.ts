import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/schema.js';
import type { RunningServer } from '../../src/server.js';
import { createTestDataDir, dialects } from '../support/databases.js';
import { uniqueEmail } from '../support/sdk.js';
import { startTestServer, testAdminKey } from '../support/server.js';

const hasAws = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasAws) console.warn('aws-cli.test.ts: SKIPPED, the AWS CLI (`aws`) is not on PATH. Install it (.ci/run does with apt-get install awscli) to run these tests.');

const poolId = 'us-east-1_AwsCli1';

const config: ConfigFile = {
  UserPools: [
    {
      Id: poolId,
      PoolName: 'aws-cli',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Clients: [{ ClientId: 'awscliclient1', ClientName: 'aws-cli-app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    },
  ],
};

type Attributes = Array<{ Name: string; Value: string }>;
const attributeMap = (list: Attributes) => Object.fromEntries(list.map((a) => [a.Name, a.Value]));

describe.skipIf(!hasAws).each(dialects)('the AWS CLI against the server (%s)', (dialect) => {
  let server: RunningServer;
  let awsEnv: NodeJS.ProcessEnv;

  /** `aws cognito-idp <args>` signed with the test servers' admin key; answers the parsed JSON output. */
  const aws = (...args: string[]): Promise<any> =>
    new Promise((resolve, reject) => {
      execFile('aws', ['cognito-idp', ...args, '--endpoint-url', server.url, '--output', 'json'], { env: awsEnv }, (error, stdout, stderr) => {
        if (error) reject(new Error(`aws cognito-idp ${args.join(' ')} failed (${error.code}): ${stderr}`));
        else resolve(stdout.trim() === '' ? {} : JSON.parse(stdout));
      });
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, { config });
    // The developer's own AWS profile, endpoints and config files must not take part.
    const scratch = await createTestDataDir();
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    awsEnv = {
      ...inherited,
      AWS_ACCESS_KEY_ID: testAdminKey.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: testAdminKey.SecretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(scratch, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'aws-credentials'),
      AWS_PAGER: '',
    };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('creates a user, finds it with list-users --filter and admin-get-user, and adds it to a group', async () => {
    const email = uniqueEmail('aws-cli');
    const created = await aws('admin-create-user', '--user-pool-id', poolId, '--username', email, '--user-attributes', 'Name=name,Value=Ann', '--message-action', 'SUPPRESS');
    expect(created.User).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(attributeMap(created.User.Attributes)).toMatchObject({ email, name: 'Ann' });
    const username: string = created.User.Username;

    const listed = await aws('list-users', '--user-pool-id', poolId, '--filter', `email = "${email}"`);
    expect(listed.Users).toHaveLength(1);
    expect(listed.Users[0]).toMatchObject({ Username: username, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(attributeMap(listed.Users[0].Attributes).email).toBe(email);
    expect((await aws('list-users', '--user-pool-id', poolId, '--filter', 'email = "nobody@example.com"')).Users).toEqual([]);

    const fetched = await aws('admin-get-user', '--user-pool-id', poolId, '--username', email);
    expect(fetched).toMatchObject({ Username: username, UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(attributeMap(fetched.UserAttributes)).toMatchObject({ sub: username, email, name: 'Ann' });

    const group = await aws('create-group', '--user-pool-id', poolId, '--group-name', 'aws-admins', '--description', 'Made by the AWS CLI', '--precedence', '2');
    expect(group.Group).toMatchObject({ GroupName: 'aws-admins', UserPoolId: poolId, Description: 'Made by the AWS CLI', Precedence: 2 });
    expect(await aws('admin-add-user-to-group', '--user-pool-id', poolId, '--username', email, '--group-name', 'aws-admins')).toEqual({});
    const groups = await aws('admin-list-groups-for-user', '--user-pool-id', poolId, '--username', email);
    expect(groups.Groups).toEqual([expect.objectContaining({ GroupName: 'aws-admins', Precedence: 2 })]);
  });

  it('shows the server\'s errors as the AWS CLI shows Cognito\'s', async () => {
    const failure = await aws('admin-get-user', '--user-pool-id', poolId, '--username', 'nobody@example.com').catch((error: Error) => error.message);
    expect(failure).toMatch(/An error occurred \(UserNotFoundException\) when calling the AdminGetUser operation: User does not exist\./);
  });
});
