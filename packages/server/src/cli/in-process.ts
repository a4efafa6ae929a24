import { settingsFromEnv, type ServerSettings } from '../config/settings.js';
import { createContext } from '../context.js';
import { CognitoError, fail } from '../errors.js';
import { userPoolOperations } from '../protocol/cognito-idp/index.js';
import { parseInput } from '../protocol/validation.js';
import { openStore } from '../store/open.js';
import type { UserType } from '../userpool/admin/user-type.js';
import type { Context } from '../userpool/context.js';
import type { Session } from './session.js';

/**
 * The store opened as the server opens it, and the server's own operations run in-process on it:
 * every command answers what the admin API would answer, with no running server needed.
 */
export async function withInProcessSession<T>(work: (session: Session) => Promise<T>, env: NodeJS.ProcessEnv): Promise<T> {
  const settings = settingsFromEnv(env);
  const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const context = createContext(settings, store);
    await checkMasterKey(context);
    return await work(sessionOver(settings, context));
  } finally {
    await store.close();
  }
}

function sessionOver(settings: ServerSettings, context: Context): Session {
  const call = async <Response>(name: string, request: object): Promise<Response> => {
    const operation = userPoolOperations[name];
    if (!operation) throw new Error(`no operation ${name}`);
    return (await operation.handle(context, parseInput(operation.input, request))) as Response;
  };
  return {
    settings,
    context,
    call,
    publicUrl: settings.publicUrl ?? `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}`,
    async poolId(requested) {
      if (requested !== undefined) return requested;
      const { UserPools } = await call<{ UserPools: Array<{ Id: string }> }>('ListUserPools', { MaxResults: 1 });
      return UserPools[0]?.Id ?? fail('ResourceNotFoundException', 'The store has no user pool yet: start the server (cognate serve) or apply a config (cognate config apply).');
    },
    async forUser(poolId, name, action) {
      try {
        return await action(name);
      } catch (error) {
        if (!(error instanceof CognitoError && error.type === 'UserNotFoundException' && name.includes('@'))) throw error;
        const { Users } = await call<{ Users: UserType[] }>('ListUsers', { UserPoolId: poolId, Filter: `email = "${name.replace(/["\\]/g, '\\$&')}"` });
        if (Users.length !== 1) throw error;
        return action(Users[0]!.Username);
      }
    },
  };
}

/**
 * A process sharing a database with the server must seal with the server's master key; with another
 * key, passwords set here would not verify there. The store's signing keys tell.
 */
async function checkMasterKey(context: Context): Promise<void> {
  const [first] = await context.pools.listDatedPools(1);
  if (!first) return;
  try {
    await context.keys.forPool(first.value.Id);
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('sealed value'))) throw error;
    throw new Error(
      `the master key does not open this store's keys: give this command the server's COGNATE_MASTER_KEY, or the COGNATE_DATA_DIR that holds its master.key`,
    );
  }
}
