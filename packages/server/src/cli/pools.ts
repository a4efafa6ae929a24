import type { UserPoolClient } from '../userpool/client.js';
import type { UserPoolSettings } from '../userpool/pool.js';
import { jsonOption, type Command } from './command.js';
import { dateOf, printFields, printJson, printTable, yesNo } from './print.js';
import { withSession, type Session } from './session.js';

interface PoolSummary {
  Id: string;
  Name: string;
  CreationDate: number;
}

type PoolDescription = UserPoolSettings & { EstimatedNumberOfUsers: number; CreationDate: number };

export const poolCommands: Command[] = [
  {
    name: ['pools', 'list'],
    summary: 'list the user pools (ListUserPools)',
    options: jsonOption,
    run: (args) =>
      withSession(async (session) => {
        const UserPools: PoolSummary[] = [];
        let NextToken: string | undefined;
        do {
          const page = await session.call<{ UserPools: PoolSummary[]; NextToken?: string }>('ListUserPools', { MaxResults: 60, NextToken });
          UserPools.push(...page.UserPools);
          NextToken = page.NextToken;
        } while (NextToken);
        if (args.flag('json')) return printJson({ UserPools });
        if (UserPools.length === 0) return console.log('No user pools.');
        printTable(['ID', 'NAME', 'CREATED'], UserPools.map((pool) => [pool.Id, pool.Name, dateOf(pool.CreationDate)]));
      }),
  },
  {
    name: ['pools', 'show'],
    arguments: ['[<pool id>]'],
    summary: 'show a pool\'s settings and app clients (DescribeUserPool, DescribeUserPoolClient)',
    details: 'Without <pool id>, the only (or first created) pool.',
    options: jsonOption,
    run: (args) =>
      withSession(async (session) => {
        const UserPoolId = await session.poolId(args.optionalPositional(0));
        const { UserPool } = await session.call<{ UserPool: PoolDescription }>('DescribeUserPool', { UserPoolId });
        const clients = await describeClients(session, UserPoolId);
        if (args.flag('json')) return printJson({ UserPool, UserPoolClients: clients });
        printPool(UserPool);
        if (clients.length === 0) return console.log('no app clients');
        console.log('app clients');
        printTable(
          ['ID', 'NAME', 'SECRET', 'AUTH FLOWS'],
          clients.map((client) => [client.ClientId, client.ClientName, yesNo(client.ClientSecret !== undefined), client.ExplicitAuthFlows.join(', ')]),
          '  ',
        );
      }),
  },
];

async function describeClients(session: Session, UserPoolId: string): Promise<UserPoolClient[]> {
  const clients: UserPoolClient[] = [];
  let NextToken: string | undefined;
  do {
    const page = await session.call<{ UserPoolClients: Array<{ ClientId: string }>; NextToken?: string }>('ListUserPoolClients', { UserPoolId, MaxResults: 60, NextToken });
    for (const { ClientId } of page.UserPoolClients) {
      clients.push((await session.call<{ UserPoolClient: UserPoolClient }>('DescribeUserPoolClient', { UserPoolId, ClientId })).UserPoolClient);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return clients;
}

function printPool(pool: PoolDescription): void {
  const policy = pool.Policies.PasswordPolicy;
  const required = [policy.RequireLowercase && 'lowercase', policy.RequireUppercase && 'uppercase', policy.RequireNumbers && 'numbers', policy.RequireSymbols && 'symbols'].filter(Boolean);
  const custom = pool.SchemaAttributes.filter((attribute) => attribute.Name.startsWith('custom:')).map((attribute) => attribute.Name);
  printFields([
    ['pool', `${pool.Id} (${pool.Name})`],
    ['created', dateOf(pool.CreationDate)],
    ['users', String(pool.EstimatedNumberOfUsers)],
    ['sign in with', pool.UsernameAttributes?.length ? pool.UsernameAttributes.join(' or ') : ['username', ...(pool.AliasAttributes ?? [])].join(' or ')],
    ['auto-verified', (pool.AutoVerifiedAttributes ?? []).join(', ') || 'none'],
    ['passwords', `at least ${policy.MinimumLength} characters${required.length ? `, with ${required.join(', ')}` : ''}`],
    ['mfa', pool.MfaConfiguration],
    ...(custom.length ? [['custom attributes', custom.join(', ')] as [string, string]] : []),
  ]);
}
