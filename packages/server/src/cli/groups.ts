import { jsonOption, poolOption, type Command } from './command.js';
import { dateOf, printJson, printTable } from './print.js';
import { withSession } from './session.js';

interface GroupType {
  GroupName: string;
  Description?: string;
  Precedence?: number;
  RoleArn?: string;
  CreationDate: number;
}

export const groupCommands: Command[] = [
  {
    name: ['groups', 'create'],
    arguments: ['<name>'],
    summary: 'create a group (CreateGroup)',
    details: 'Members of a group carry its name in their tokens\' cognito:groups claim.',
    options: {
      ...poolOption,
      description: { type: 'string', value: 'text', description: 'what the group is for' },
      precedence: { type: 'string', value: 'n', description: 'lower wins when a user is in several groups' },
      'role-arn': { type: 'string', value: 'arn', description: 'the IAM role of the group\'s members' },
      ...jsonOption,
    },
    run: async (args) => {
      const Precedence = args.integer('precedence', 0);
      await withSession(async (session) => {
        const UserPoolId = await session.poolId(args.string('pool'));
        const answer = await session.call<{ Group: GroupType }>('CreateGroup', {
          UserPoolId,
          GroupName: args.positional(0),
          Description: args.string('description'),
          Precedence,
          RoleArn: args.string('role-arn'),
        });
        if (args.flag('json')) return printJson(answer);
        console.log(`Created group ${answer.Group.GroupName} in ${UserPoolId}.`);
      });
    },
  },
  membership('add-user', 'AdminAddUserToGroup', 'add a user to a group', (user, group) => `Added ${user} to ${group}.`),
  membership('remove-user', 'AdminRemoveUserFromGroup', 'remove a user from a group', (user, group) => `Removed ${user} from ${group}.`),
  {
    name: ['groups', 'list'],
    summary: 'list the pool\'s groups (ListGroups)',
    options: { ...poolOption, ...jsonOption },
    run: (args) =>
      withSession(async (session) => {
        const UserPoolId = await session.poolId(args.string('pool'));
        const Groups: GroupType[] = [];
        let NextToken: string | undefined;
        do {
          const page = await session.call<{ Groups: GroupType[]; NextToken?: string }>('ListGroups', { UserPoolId, Limit: 60, NextToken });
          Groups.push(...page.Groups);
          NextToken = page.NextToken;
        } while (NextToken);
        if (args.flag('json')) return printJson({ Groups });
        if (Groups.length === 0) return console.log('No groups.');
        printTable(
          ['NAME', 'PRECEDENCE', 'CREATED', 'DESCRIPTION'],
          Groups.map((group) => [group.GroupName, group.Precedence?.toString() ?? '', dateOf(group.CreationDate), group.Description ?? '']),
        );
      }),
  },
];

function membership(verb: string, operation: string, summary: string, done: (user: string, group: string) => string): Command {
  return {
    name: ['groups', verb],
    arguments: ['<group>', '<user>'],
    summary: `${summary} (${operation})`,
    details: 'A user is named by username, or by email.',
    options: poolOption,
    run: (args) =>
      withSession(async (session) => {
        const UserPoolId = await session.poolId(args.string('pool'));
        const [GroupName, user] = [args.positional(0), args.positional(1)];
        await session.forUser(UserPoolId, user, (Username) => session.call(operation, { UserPoolId, GroupName, Username }));
        console.log(done(user, GroupName));
      }),
  };
}
