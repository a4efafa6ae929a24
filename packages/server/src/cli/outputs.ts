import { amplifyOutputs } from '../config/amplify-outputs.js';
import { fail, messages } from '../errors.js';
import type { UserPoolClient } from '../userpool/client.js';
import { poolOption, type Command } from './command.js';
import { printJson } from './print.js';
import { withSession } from './session.js';

export const outputsCommand: Command = {
  name: ['outputs'],
  summary: 'print amplify_outputs.json for a pool and app client',
  details:
    'The file the server writes into the data directory at start, for any pool and client. The endpoint in\n' +
    'custom.cognate is COGNATE_PUBLIC_URL, else http://HOST:PORT.',
  options: {
    ...poolOption,
    client: { type: 'string', value: 'id', description: 'the app client (default: the pool\'s first client)' },
  },
  run: (args) =>
    withSession(async (session) => {
      const UserPoolId = await session.poolId(args.string('pool'));
      const ClientId = args.string('client') ?? (await firstClientId(session.call, UserPoolId));
      // The operation gives the server's answer for an unknown pool or a client of another pool.
      await session.call('DescribeUserPoolClient', { UserPoolId, ClientId });
      const pool = (await session.context.pools.getPool(UserPoolId)) ?? fail('ResourceNotFoundException', `User pool ${UserPoolId} does not exist.`);
      const client = (await session.context.pools.getClient(ClientId)) ?? fail('ResourceNotFoundException', messages.clientNotFound(ClientId));
      printJson(amplifyOutputs(pool, client, session.publicUrl, await session.context.identity.pools.findTrusting(UserPoolId)));
    }),
};

async function firstClientId(call: <R>(operation: string, request: object) => Promise<R>, UserPoolId: string): Promise<string> {
  const { UserPoolClients } = await call<{ UserPoolClients: Array<Pick<UserPoolClient, 'ClientId'>> }>('ListUserPoolClients', { UserPoolId, MaxResults: 1 });
  return UserPoolClients[0]?.ClientId ?? fail('ResourceNotFoundException', `User pool ${UserPoolId} has no app client.`);
}
