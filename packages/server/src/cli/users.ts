import type { AttributeType } from '../userpool/attributes.js';
import type { adminGetUserResponse, UserType } from '../userpool/admin/user-type.js';
import { jsonOption, poolOption, usageError, type Args, type Command } from './command.js';
import { dateOf, printFields, printJson, printTable, yesNo } from './print.js';
import { withSession, type Session } from './session.js';

type AdminUser = ReturnType<typeof adminGetUserResponse>;

const userArgument = '<user>';
const namedBy = 'A user is named by username, or by email.';

export const userCommands: Command[] = [
  {
    name: ['users', 'create'],
    arguments: ['<username>'],
    summary: 'create a user (AdminCreateUser)',
    details:
      'Where email is the username, give the email as <username>. With --password the user is confirmed with that\n' +
      'password and can sign in at once (AdminSetUserPassword, permanent), and no invitation is sent. Otherwise the\n' +
      'user must change a temporary password at first sign-in; the invitation that carries it goes out unless --suppress.',
    options: {
      ...poolOption,
      password: { type: 'string', value: 'password', description: 'a permanent password: the user can sign in at once' },
      'temporary-password': { type: 'string', value: 'password', description: 'the temporary password (default: a generated one)' },
      attribute: { type: 'string', multiple: true, value: 'name=value', description: 'a user attribute; repeat for more' },
      suppress: { type: 'boolean', description: 'send no invitation' },
      ...jsonOption,
    },
    run: async (args) => {
      const password = args.string('password');
      const temporaryPassword = args.string('temporary-password');
      if (password !== undefined && temporaryPassword !== undefined) throw usageError(args.command, 'give --password or --temporary-password, not both');
      const UserAttributes = args.strings('attribute').map((text) => attributeOf(args, text));
      await withSession(async (session) => {
        const UserPoolId = await session.poolId(args.string('pool'));
        // The permanent password goes in as the temporary one first, so a password the policy refuses creates no user.
        const { User } = await session.call<{ User: UserType }>('AdminCreateUser', {
          UserPoolId,
          Username: args.positional(0),
          UserAttributes,
          TemporaryPassword: password ?? temporaryPassword,
          MessageAction: password !== undefined || args.flag('suppress') ? 'SUPPRESS' : undefined,
        });
        if (password !== undefined) await session.call('AdminSetUserPassword', { UserPoolId, Username: User.Username, Password: password, Permanent: true });
        const user = await session.call<AdminUser>('AdminGetUser', { UserPoolId, Username: User.Username });
        if (args.flag('json')) return printJson(user);
        console.log(`Created user ${args.positional(0)} in ${UserPoolId}.`);
        printUser(user, []);
      });
    },
  },
  {
    name: ['users', 'set-password'],
    arguments: [userArgument, '<password>'],
    summary: 'set a user\'s password (AdminSetUserPassword)',
    details: `The password is permanent and confirms the user, unless --temporary: then it must be changed at the next sign-in. ${namedBy}`,
    options: { ...poolOption, temporary: { type: 'boolean', description: 'the user must change it at the next sign-in' } },
    run: (args) =>
      onUser(args, async (session, UserPoolId, Username) => {
        await session.call('AdminSetUserPassword', { UserPoolId, Username, Password: args.positional(1), Permanent: !args.flag('temporary') });
        console.log(`Set a ${args.flag('temporary') ? 'temporary' : 'permanent'} password for ${args.positional(0)}.`);
      }),
  },
  userAction('confirm', 'AdminConfirmSignUp', 'confirm a user who signed up, without a code', 'Confirmed'),
  userAction('disable', 'AdminDisableUser', 'disable a user: no more sign-ins, and every session ends', 'Disabled'),
  userAction('enable', 'AdminEnableUser', 'enable a disabled user', 'Enabled'),
  userAction('delete', 'AdminDeleteUser', 'delete a user', 'Deleted'),
  {
    name: ['users', 'get'],
    arguments: [userArgument],
    summary: 'show a user: status and attributes (AdminGetUser)',
    details: namedBy,
    options: { ...poolOption, ...jsonOption },
    run: (args) =>
      onUser(args, async (session, UserPoolId, Username) => {
        const user = await session.call<AdminUser>('AdminGetUser', { UserPoolId, Username });
        if (args.flag('json')) return printJson(user);
        const { Groups } = await session.call<{ Groups: Array<{ GroupName: string }> }>('AdminListGroupsForUser', { UserPoolId, Username, Limit: 60 });
        printUser(user, Groups.map((group) => group.GroupName));
      }),
  },
  {
    name: ['users', 'list'],
    summary: 'list users (ListUsers)',
    details:
      'The filter is ListUsers\' own: attribute = "value" or attribute ^= "value" (a prefix), on username, email,\n' +
      'phone_number, name, given_name, family_name, preferred_username, cognito:user_status, status or sub.',
    options: {
      ...poolOption,
      filter: { type: 'string', value: 'expression', description: 'e.g. \'email ^= "ann"\'' },
      limit: { type: 'string', value: 'n', description: 'list at most n users' },
      ...jsonOption,
    },
    run: async (args) => {
      const limit = args.integer('limit', 1);
      await withSession(async (session) => {
        const UserPoolId = await session.poolId(args.string('pool'));
        const Users = await listUsers(session, UserPoolId, args.string('filter'), limit);
        if (args.flag('json')) return printJson({ Users });
        if (Users.length === 0) return console.log('No users.');
        printTable(
          ['USERNAME', 'EMAIL', 'STATUS', 'ENABLED', 'CREATED'],
          Users.map((user) => [user.Username, attributeValue(user.Attributes, 'email') ?? '', user.UserStatus, yesNo(user.Enabled), dateOf(user.UserCreateDate)]),
        );
      });
    },
  },
];

function userAction(verb: string, operation: string, summary: string, done: string): Command {
  return {
    name: ['users', verb],
    arguments: [userArgument],
    summary: `${summary} (${operation})`,
    details: namedBy,
    options: poolOption,
    run: (args) =>
      onUser(args, async (session, UserPoolId, Username) => {
        await session.call(operation, { UserPoolId, Username });
        console.log(`${done} ${args.positional(0)}.`);
      }),
  };
}

/** A command on the user named by the first argument, in the pool --pool names. */
function onUser(args: Args, action: (session: Session, poolId: string, username: string) => Promise<void>): Promise<void> {
  return withSession(async (session) => {
    const poolId = await session.poolId(args.string('pool'));
    await session.forUser(poolId, args.positional(0), (username) => action(session, poolId, username));
  });
}

async function listUsers(session: Session, UserPoolId: string, Filter: string | undefined, limit: number | undefined): Promise<UserType[]> {
  const users: UserType[] = [];
  let PaginationToken: string | undefined;
  do {
    const Limit = Math.min(60, (limit ?? Infinity) - users.length);
    const page = await session.call<{ Users: UserType[]; PaginationToken?: string }>('ListUsers', { UserPoolId, Filter, Limit, PaginationToken });
    users.push(...page.Users);
    PaginationToken = page.PaginationToken;
  } while (PaginationToken && users.length < (limit ?? Infinity));
  return users;
}

function attributeOf(args: Args, text: string): AttributeType {
  const at = text.indexOf('=');
  if (at < 1) throw usageError(args.command, `--attribute takes name=value, not "${text}"`);
  return { Name: text.slice(0, at), Value: text.slice(at + 1) };
}

const attributeValue = (attributes: AttributeType[], name: string) => attributes.find((attribute) => attribute.Name === name)?.Value;

function printUser(user: AdminUser, groups: string[]): void {
  printFields([
    ['username', user.Username],
    ['status', user.UserStatus],
    ['enabled', yesNo(user.Enabled)],
    ['created', dateOf(user.UserCreateDate)],
    ['modified', dateOf(user.UserLastModifiedDate)],
    ...(groups.length > 0 ? [['groups', groups.join(', ')] as [string, string]] : []),
  ]);
  console.log('attributes');
  printFields(
    user.UserAttributes.map((attribute) => [attribute.Name, attribute.Value ?? '']),
    '  ',
  );
}
