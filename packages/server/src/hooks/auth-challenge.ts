import { fail } from '../errors.js';
import type { ClientAndPool } from '../userpool/clients.js';
import type { Context } from '../userpool/context.js';
import { triggerEvent, type EventUser } from './event.js';
import { isObject } from '../objects.js';
import { invalidLambdaResponse, invokeHook, optionalOfType as optional, type HookTrigger } from './invoke.js';

/** One entry of the `session` array the challenge triggers receive, oldest first. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

export interface ChallengeDecision {
  challengeName: string | null;
  issueTokens: boolean;
  failAuthentication: boolean;
}

export interface CreatedChallenge {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string | null;
}

/** What every challenge trigger is told besides its own members. */
export interface ChallengeCall {
  user: EventUser;
  userNotFound: boolean;
  clientMetadata?: Record<string, string> | undefined;
}

export const customAuthNotConfigured = 'Custom auth lambda trigger is not configured for the user pool.';

/** DefineAuthChallenge: given the results so far, the next challenge, or tokens, or failure. */
export async function defineAuthChallenge(context: Context, resolved: ClientAndPool, call: ChallengeCall, session: ChallengeResult[]): Promise<ChallengeDecision> {
  const response = await invokeChallengeTrigger(context, resolved, 'DefineAuthChallenge', call, { session }, { challengeName: null, issueTokens: null, failAuthentication: null });
  const { challengeName, issueTokens, failAuthentication } = response;
  if (!optional(challengeName, 'string') || !optional(issueTokens, 'boolean') || !optional(failAuthentication, 'boolean')) invalidLambdaResponse();
  return { challengeName: (challengeName as string | null | undefined) ?? null, issueTokens: issueTokens === true, failAuthentication: failAuthentication === true };
}

/** CreateAuthChallenge: what the client is shown, and what the answer is verified against. */
export async function createAuthChallenge(context: Context, resolved: ClientAndPool, call: ChallengeCall, challengeName: string, session: ChallengeResult[]): Promise<CreatedChallenge> {
  const response = await invokeChallengeTrigger(context, resolved, 'CreateAuthChallenge', call, { challengeName, session }, {
    publicChallengeParameters: null,
    privateChallengeParameters: null,
    challengeMetadata: null,
  });
  if (!optional(response.challengeMetadata, 'string')) invalidLambdaResponse();
  return {
    publicChallengeParameters: stringMap(response.publicChallengeParameters),
    privateChallengeParameters: stringMap(response.privateChallengeParameters),
    challengeMetadata: (response.challengeMetadata as string | null | undefined) ?? null,
  };
}

/** VerifyAuthChallengeResponse: whether the client's ANSWER is right; anything but `true` is a wrong answer. */
export async function verifyAuthChallengeResponse(
  context: Context,
  resolved: ClientAndPool,
  call: ChallengeCall,
  privateChallengeParameters: Record<string, string>,
  challengeAnswer: string,
): Promise<boolean> {
  const response = await invokeChallengeTrigger(context, resolved, 'VerifyAuthChallengeResponse', call, { privateChallengeParameters, challengeAnswer }, { answerCorrect: null });
  return response.answerCorrect === true;
}

async function invokeChallengeTrigger(
  context: Context,
  resolved: ClientAndPool,
  trigger: HookTrigger,
  { user, userNotFound, clientMetadata }: ChallengeCall,
  request: Record<string, unknown>,
  response: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const target = resolved.pool.LambdaConfig?.[trigger] ?? fail('InvalidParameterException', customAuthNotConfigured);
  const members = {
    ...request,
    ...(clientMetadata ? { clientMetadata } : {}),
    // Cognito fills userNotFound in only when the client hides whether users exist.
    ...(resolved.client.PreventUserExistenceErrors === 'ENABLED' ? { userNotFound } : {}),
  };
  return invokeHook(context, trigger, target, triggerEvent(resolved.pool, resolved.client.ClientId, user, `${trigger}_Authentication`, members, response));
}

/** Challenge parameters are string maps on the wire; numbers and booleans a hook returns are sent as their text. */
function stringMap(value: unknown): Record<string, string> {
  if (value === null || value === undefined) return {};
  if (!isObject(value)) return invalidLambdaResponse();
  const entries = Object.entries(value).map(([key, item]) => {
    if (typeof item === 'string') return [key, item];
    if (typeof item === 'number' || typeof item === 'boolean') return [key, String(item)];
    return invalidLambdaResponse();
  });
  return Object.fromEntries(entries) as Record<string, string>;
}
