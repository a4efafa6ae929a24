import type { User } from '../store/users.js';
import type { Context } from '../userpool/context.js';
import type { UserPoolSettings } from '../userpool/pool.js';
import { eventUserOf, triggerEvent } from './event.js';
import { invokeHook } from './invoke.js';

export interface PostConfirmationCall {
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword';
  clientId: string;
  /** The user as the confirmation left it. */
  user: User;
  clientMetadata?: Record<string, string> | undefined;
}

/**
 * PostConfirmation: told once the change is stored, so a hook that fails fails the operation
 * (UserLambdaValidationException) but the user stays confirmed, as in Cognito. Its answer changes nothing.
 */
export async function postConfirmation(context: Context, pool: UserPoolSettings, call: PostConfirmationCall): Promise<void> {
  const target = pool.LambdaConfig?.PostConfirmation;
  if (target === undefined) return;
  const request = call.clientMetadata ? { clientMetadata: call.clientMetadata } : {};
  await invokeHook(context, 'PostConfirmation', target, triggerEvent(pool, call.clientId, eventUserOf(call.user), call.source, request, {}));
}
