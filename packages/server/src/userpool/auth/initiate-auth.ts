import { fail } from '../../errors.js';
import { clientAllowsFlow } from '../client.js';
import { resolveClient } from '../clients.js';
import type { Context } from '../context.js';
import { signInWithPassword } from './password-flow.js';
import { refreshTokens, secretHashProver } from './refresh-flow.js';
import type { AuthResult } from './result.js';
import { startSrpSignIn } from './srp-flow.js';

export interface InitiateAuthRequest {
  AuthFlow: string;
  ClientId: string;
  AuthParameters?: Record<string, string> | undefined;
}

/** InitiateAuth: the first step of every public sign-in flow. */
export async function initiateAuth(context: Context, request: InitiateAuthRequest): Promise<AuthResult> {
  const resolved = await resolveClient(context, request.ClientId);
  const parameters = request.AuthParameters ?? {};
  const flow = request.AuthFlow;
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    if (!parameters.REFRESH_TOKEN) return fail('InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
    const result = await refreshTokens(context, resolved, parameters.REFRESH_TOKEN, secretHashProver(resolved.client, parameters.SECRET_HASH));
    return { ChallengeParameters: {}, ...result };
  }
  if (flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH') {
    return fail('InvalidParameterException', 'Initiate Auth method not supported.');
  }
  if (!clientAllowsFlow(resolved.client, flow)) return fail('InvalidParameterException', `${flow} flow not enabled for this client`);
  switch (flow) {
    case 'USER_SRP_AUTH':
      return startSrpSignIn(context, resolved, parameters);
    case 'USER_PASSWORD_AUTH':
      return signInWithPassword(context, resolved, parameters);
    case 'CUSTOM_AUTH':
      return fail('InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
    default:
      return fail('UnsupportedOperationException', `${flow} is not supported by this server yet.`);
  }
}
