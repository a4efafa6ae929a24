import { fail } from '../../errors.js';
import { clientAllowsFlow } from '../client.js';
import { resolveClient, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { startCustomSignIn } from './custom-flow.js';
import { signInWithPassword } from './password-flow.js';
import { refreshTokens, secretHashProver } from './refresh-flow.js';
import type { AuthResult } from './result.js';
import { signInWithSignUpSession } from './sign-up-session.js';
import { startSrpSignIn } from './srp-flow.js';
import { startUserAuth } from './user-auth-flow.js';

export interface InitiateAuthRequest {
  AuthFlow: string;
  ClientId: string;
  AuthParameters?: Record<string, string> | undefined;
  /** USER_AUTH: the `Session` ConfirmSignUp answered, which stands for the first factor. */
  Session?: string | undefined;
  /** Set by AdminInitiateAuth: the client must belong to this pool, and the admin flows open. */
  UserPoolId?: string | undefined;
}

/** Besides refresh: what InitiateAuth and AdminInitiateAuth each accept, as Cognito's API model lists. */
const publicFlows = new Set(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH', 'USER_AUTH']);
const adminFlows = new Set(['USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH', 'USER_AUTH']);

/** InitiateAuth and AdminInitiateAuth: the first step of every sign-in flow. */
export async function initiateAuth(context: Context, request: InitiateAuthRequest): Promise<AuthResult> {
  const resolved = await resolveClientFor(context, request.ClientId, request.UserPoolId);
  const parameters = request.AuthParameters ?? {};
  const flow = request.AuthFlow;
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    if (!parameters.REFRESH_TOKEN) return fail('InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
    const result = await refreshTokens(context, resolved, parameters.REFRESH_TOKEN, secretHashProver(resolved.client, parameters.SECRET_HASH), parameters.DEVICE_KEY);
    return { ChallengeParameters: {}, ...result };
  }
  if (!(request.UserPoolId === undefined ? publicFlows : adminFlows).has(flow)) {
    return fail('InvalidParameterException', 'Initiate Auth method not supported.');
  }
  if (!clientAllowsFlow(resolved.client, flow)) return fail('InvalidParameterException', `${flow} flow not enabled for this client`);
  switch (flow) {
    case 'USER_SRP_AUTH':
      return startSrpSignIn(context, resolved, parameters);
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return signInWithPassword(context, resolved, parameters, flow);
    case 'CUSTOM_AUTH':
      return startCustomSignIn(context, resolved, parameters);
    case 'USER_AUTH':
      if (request.Session !== undefined) return signInWithSignUpSession(context, resolved, parameters, request.Session);
      return startUserAuth(context, resolved, parameters);
    default:
      return fail('UnsupportedOperationException', `${flow} is not supported by this server yet.`);
  }
}

/** The app client, and for the admin operations the check that it belongs to the named pool. */
export async function resolveClientFor(context: Context, clientId: string, poolId: string | undefined): Promise<ClientAndPool> {
  const resolved = await resolveClient(context, clientId);
  if (poolId !== undefined && resolved.pool.Id !== poolId) fail('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  return resolved;
}
