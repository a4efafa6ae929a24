import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { dialects } from '../support/databases.js';
import { confirmedUser, decodePayload, passwordSignIn, rejection, sdkClient, uniqueEmail } from '../support/sdk.js';
import { startTestServer } from '../support/server.js';
import { testConfig } from '../support/test-config.js';

const UserPoolId = 'us-east-1_TestPool1';
const roleArn = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const date = expect.any(Date);

describe.each(dialects)('groups administration through the AWS SDK (%s)', (dialect) => {
  let server: RunningServer;
  const client = () => sdkClient(server);
  let counter = 0;
  const uniqueGroup = (label = 'group') => `${label}-${++counter}`;

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: testConfig });
  });
  afterAll(() => server.close());

  it('CreateGroup answers the group; GetGroup answers the same; a second group of that name is refused', async () => {
    const GroupName = uniqueGroup('admins');
    const { Group } = await client().send(new CreateGroupCommand({ UserPoolId, GroupName, Description: 'Administrators', RoleArn: roleArn('admin'), Precedence: 1 }));
    expect(Group).toEqual({
      GroupName,
      UserPoolId,
      Description: 'Administrators',
      RoleArn: roleArn('admin'),
      Precedence: 1,
      CreationDate: date,
      LastModifiedDate: date,
    });
    expect((await client().send(new GetGroupCommand({ UserPoolId, GroupName }))).Group).toEqual(Group);
    expect(await rejection(client().send(new CreateGroupCommand({ UserPoolId, GroupName })))).toEqual({
      name: 'GroupExistsException',
      message: 'A group with the name already exists.',
      status: 400,
    });

    const bare = uniqueGroup('bare');
    expect((await client().send(new CreateGroupCommand({ UserPoolId, GroupName: bare }))).Group).toEqual({ GroupName: bare, UserPoolId, CreationDate: date, LastModifiedDate: date });
  });

  it('group operations refuse unknown pools and groups and bad members', async () => {
    expect(await rejection(client().send(new CreateGroupCommand({ UserPoolId: 'us-east-1_nothere', GroupName: 'x' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
      status: 400,
    });
    expect(await rejection(client().send(new GetGroupCommand({ UserPoolId, GroupName: 'missing' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
      status: 400,
    });
    expect(await rejection(client().send(new CreateGroupCommand({ UserPoolId, GroupName: 'negative', Precedence: -1 })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
    });
    expect(await rejection(client().send(new CreateGroupCommand({ UserPoolId, GroupName: 'badrole', RoleArn: 'not an arn at all, really' })))).toMatchObject({
      name: 'InvalidParameterException',
    });
    expect(await rejection(client().send(new CreateGroupCommand({ UserPoolId, GroupName: 'with space' })))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await rejection(client().send(new CreateGroupCommand({ UserPoolId, GroupName: 'x'.repeat(129) })))).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("at 'groupName' failed to satisfy constraint: Member must have length less than or equal to 128"),
    });
  });

  it('UpdateGroup changes the members given and keeps the others', async () => {
    const GroupName = uniqueGroup('editors');
    const { Group: created } = await client().send(new CreateGroupCommand({ UserPoolId, GroupName, Description: 'Editors', RoleArn: roleArn('editor'), Precedence: 5 }));
    const { Group: updated } = await client().send(new UpdateGroupCommand({ UserPoolId, GroupName, Description: 'Chief editors', Precedence: 2 }));
    expect(updated).toEqual({ ...created, Description: 'Chief editors', Precedence: 2, LastModifiedDate: date });
    expect(updated!.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(created!.LastModifiedDate!.getTime());
    expect((await client().send(new GetGroupCommand({ UserPoolId, GroupName }))).Group).toEqual(updated);
    expect(await rejection(client().send(new UpdateGroupCommand({ UserPoolId, GroupName: 'missing', Description: 'x' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
  });

  it('DeleteGroup deletes the group and its memberships', async () => {
    const GroupName = uniqueGroup('temporary');
    const { email } = await confirmedUser(server, client(), uniqueEmail('member'));
    await client().send(new CreateGroupCommand({ UserPoolId, GroupName }));
    await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName, Username: email }));
    const deleted = await client().send(new DeleteGroupCommand({ UserPoolId, GroupName }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    expect(await rejection(client().send(new GetGroupCommand({ UserPoolId, GroupName })))).toMatchObject({ name: 'ResourceNotFoundException', message: 'Group not found.' });
    expect(await rejection(client().send(new DeleteGroupCommand({ UserPoolId, GroupName })))).toMatchObject({ name: 'ResourceNotFoundException', message: 'Group not found.' });
    expect((await client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: email }))).Groups).toEqual([]);
    expect(await server.context.db.selectFrom('group_members').selectAll().where('group_name', '=', GroupName).execute()).toEqual([]);
  });

  it('ListGroups pages through the groups of a pool by name', async () => {
    const { UserPool } = await client().send(new CreateUserPoolCommand({ PoolName: 'grouped' }));
    const pool = UserPool!.Id!;
    for (const GroupName of ['gamma', 'alpha', 'beta']) await client().send(new CreateGroupCommand({ UserPoolId: pool, GroupName, Precedence: 3 }));
    const first = await client().send(new ListGroupsCommand({ UserPoolId: pool, Limit: 2 }));
    expect(first.Groups).toEqual([
      { GroupName: 'alpha', UserPoolId: pool, Precedence: 3, CreationDate: date, LastModifiedDate: date },
      { GroupName: 'beta', UserPoolId: pool, Precedence: 3, CreationDate: date, LastModifiedDate: date },
    ]);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await client().send(new ListGroupsCommand({ UserPoolId: pool, Limit: 2, NextToken: first.NextToken }));
    expect(second.Groups!.map((g) => g.GroupName)).toEqual(['gamma']);
    expect(second.NextToken).toBeUndefined();
    expect((await client().send(new ListGroupsCommand({ UserPoolId: pool }))).Groups!.map((g) => g.GroupName)).toEqual(['alpha', 'beta', 'gamma']);
    expect(await rejection(client().send(new ListGroupsCommand({ UserPoolId: pool, Limit: 61 })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
    expect(await rejection(client().send(new ListGroupsCommand({ UserPoolId: 'us-east-1_nothere' })))).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('AdminAddUserToGroup puts the user in the group: listed both ways and in its tokens as cognito:groups', async () => {
    const [readers, writers] = [uniqueGroup('readers'), uniqueGroup('writers')];
    await client().send(new CreateGroupCommand({ UserPoolId, GroupName: readers, Precedence: 10, RoleArn: roleArn('reader') }));
    await client().send(new CreateGroupCommand({ UserPoolId, GroupName: writers, Precedence: 1, RoleArn: roleArn('writer') }));
    const { email, sub } = await confirmedUser(server, client(), uniqueEmail('grouped'));

    const added = await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName: readers, Username: email }));
    expect(added.$metadata.httpStatusCode).toBe(200);
    await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName: writers, Username: sub }));
    await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName: writers, Username: email }));

    const { Groups } = await client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: email }));
    expect(Groups).toEqual([
      { GroupName: readers, UserPoolId, RoleArn: roleArn('reader'), Precedence: 10, CreationDate: date, LastModifiedDate: date },
      { GroupName: writers, UserPoolId, RoleArn: roleArn('writer'), Precedence: 1, CreationDate: date, LastModifiedDate: date },
    ]);
    const { Users } = await client().send(new ListUsersInGroupCommand({ UserPoolId, GroupName: writers }));
    expect(Users).toEqual([
      {
        Username: sub,
        Attributes: [
          { Name: 'sub', Value: sub },
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        UserCreateDate: date,
        UserLastModifiedDate: date,
        Enabled: true,
        UserStatus: 'CONFIRMED',
      },
    ]);

    const tokens = await passwordSignIn(server, email);
    expect(decodePayload(tokens.IdToken!)).toMatchObject({
      'cognito:groups': [writers, readers],
      'cognito:roles': [roleArn('writer'), roleArn('reader')],
      'cognito:preferred_role': roleArn('writer'),
    });
    expect(decodePayload(tokens.AccessToken!)).toMatchObject({ 'cognito:groups': [writers, readers] });

    const removed = await client().send(new AdminRemoveUserFromGroupCommand({ UserPoolId, GroupName: writers, Username: email }));
    expect(removed.$metadata.httpStatusCode).toBe(200);
    expect((await client().send(new ListUsersInGroupCommand({ UserPoolId, GroupName: writers }))).Users).toEqual([]);
    expect((await client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: email }))).Groups!.map((g) => g.GroupName)).toEqual([readers]);
    expect(decodePayload((await passwordSignIn(server, email)).AccessToken!)['cognito:groups']).toEqual([readers]);
  });

  it('membership operations refuse unknown users, groups and pools', async () => {
    const GroupName = uniqueGroup('known');
    await client().send(new CreateGroupCommand({ UserPoolId, GroupName }));
    const { email } = await confirmedUser(server, client(), uniqueEmail('lonely'));
    const unknownUser = { name: 'UserNotFoundException', message: 'User does not exist.', status: 400 };
    const unknownGroup = { name: 'ResourceNotFoundException', message: 'Group not found.', status: 400 };
    expect(await rejection(client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName, Username: 'nobody@example.com' })))).toEqual(unknownUser);
    expect(await rejection(client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName: 'missing', Username: email })))).toEqual(unknownGroup);
    expect(await rejection(client().send(new AdminRemoveUserFromGroupCommand({ UserPoolId, GroupName, Username: 'nobody@example.com' })))).toEqual(unknownUser);
    expect(await rejection(client().send(new AdminRemoveUserFromGroupCommand({ UserPoolId, GroupName: 'missing', Username: email })))).toEqual(unknownGroup);
    expect(await rejection(client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'nobody@example.com' })))).toEqual(unknownUser);
    expect(await rejection(client().send(new ListUsersInGroupCommand({ UserPoolId, GroupName: 'missing' })))).toEqual(unknownGroup);
    expect(await rejection(client().send(new AdminAddUserToGroupCommand({ UserPoolId: 'us-east-1_nothere', GroupName, Username: email })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
  });

  it('ListUsersInGroup and AdminListGroupsForUser page with Limit and NextToken', async () => {
    const GroupName = uniqueGroup('crowd');
    await client().send(new CreateGroupCommand({ UserPoolId, GroupName }));
    const members = [];
    for (let i = 0; i < 3; i++) {
      const user = await confirmedUser(server, client(), uniqueEmail('crowd'));
      await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName, Username: user.email }));
      members.push(user.sub);
    }
    const usernames: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client().send(new ListUsersInGroupCommand({ UserPoolId, GroupName, Limit: 2, NextToken }));
      expect(page.Users!.length).toBeLessThanOrEqual(2);
      usernames.push(...page.Users!.map((u) => u.Username!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(usernames).toEqual([...members].sort());

    const groups = [uniqueGroup('many'), uniqueGroup('many'), uniqueGroup('many')];
    for (const name of groups) {
      await client().send(new CreateGroupCommand({ UserPoolId, GroupName: name }));
      await client().send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName: name, Username: members[0] }));
    }
    const first = await client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: members[0], Limit: 2 }));
    const second = await client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: members[0], Limit: 2, NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    expect([...first.Groups!, ...second.Groups!].map((g) => g.GroupName)).toEqual([GroupName, ...groups].sort());
  });
});
