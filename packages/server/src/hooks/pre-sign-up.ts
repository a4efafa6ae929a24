import type { AttributeType } from '../userpool/attributes.js';
import type { Context } from '../userpool/context.js';
import type { UserPoolSettings } from '../userpool/pool.js';
import { triggerEvent, type EventUser } from './event.js';
import { invalidLambdaResponse, invokeHook, optionalOfType } from './invoke.js';

export interface SignUpDecision {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

export interface PreSignUpCall {
  source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser';
  clientId: string;
  /** The new user's username and the attributes the request gave (no `sub` yet, as Cognito sends them). */
  user: EventUser;
  validationData?: AttributeType[] | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

const noDecision: SignUpDecision = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };

/**
 * PreSignUp: a hook that throws refuses the new user (UserLambdaValidationException, nothing is
 * stored); else it may confirm the user and verify its email or phone at once. Without the
 * trigger, nothing changes.
 */
export async function preSignUp(context: Context, pool: UserPoolSettings, call: PreSignUpCall): Promise<SignUpDecision> {
  const target = pool.LambdaConfig?.PreSignUp;
  if (target === undefined) return noDecision;
  const request = {
    validationData: call.validationData ? Object.fromEntries(call.validationData.map((a) => [a.Name, a.Value ?? ''])) : null,
    ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}),
  };
  const event = triggerEvent(pool, call.clientId, call.user, call.source, request, { ...noDecision });
  const response = await invokeHook(context, 'PreSignUp', target, event);
  const { autoConfirmUser, autoVerifyEmail, autoVerifyPhone } = response;
  if (![autoConfirmUser, autoVerifyEmail, autoVerifyPhone].every((flag) => optionalOfType(flag, 'boolean'))) invalidLambdaResponse();
  return { autoConfirmUser: autoConfirmUser === true, autoVerifyEmail: autoVerifyEmail === true, autoVerifyPhone: autoVerifyPhone === true };
}
