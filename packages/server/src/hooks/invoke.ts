import { fail } from '../errors.js';
import type { Context } from '../userpool/context.js';
import type { TriggerEvent } from './event.js';

/** The LambdaConfig members Cognate can call. */
export type HookTrigger = 'DefineAuthChallenge' | 'CreateAuthChallenge' | 'VerifyAuthChallengeResponse' | 'PreSignUp' | 'PostConfirmation' | 'PreTokenGeneration';

/** A hook answers its event back with `response` filled in; anything much larger is not an answer. */
const maxAnswerBytes = 256 * 1024;

const isUrl = (target: string) => /^https?:\/\//.test(target);

/**
 * POSTs the event to the trigger's hook and returns the `response` it filled in. Failures read as
 * Cognito's do when a Lambda fails: a hook rejects by answering non-2xx with `{"errorMessage": …}`,
 * as a Lambda throws (UserLambdaValidationException); a hook that cannot be reached or is too slow
 * is UnexpectedLambdaException; an answer that is not the event is InvalidLambdaResponseException.
 */
export async function invokeHook(context: Context, trigger: HookTrigger, target: string, event: TriggerEvent): Promise<Record<string, unknown>> {
  if (!isUrl(target)) {
    return fail('UnexpectedLambdaException', `${trigger} invocation failed due to error LambdaArnNotInvocable: Cognate calls hooks by URL; set LambdaConfig.${trigger} to an http(s) URL.`);
  }
  let status: number;
  let text: string;
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(event),
      redirect: 'error',
      signal: AbortSignal.timeout(context.hookTimeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    console.error(`[hooks] ${trigger} at ${target} did not answer:`, timedOut ? `no answer in ${context.hookTimeoutMs} ms` : (error as Error).message);
    return fail('UnexpectedLambdaException', `${trigger} invocation failed due to error ${timedOut ? 'Socket timeout while invoking Lambda function' : 'HookUnreachable'}.`);
  }
  const body = text.length > maxAnswerBytes ? undefined : parseJson(text);
  if (status < 200 || status > 299) {
    const errorMessage = (body as { errorMessage?: unknown } | undefined)?.errorMessage;
    if (typeof errorMessage === 'string') return fail('UserLambdaValidationException', `${trigger} failed with error ${errorMessage}.`);
    console.error(`[hooks] ${trigger} at ${target} answered HTTP ${status} without an errorMessage`);
    return fail('UnexpectedLambdaException', `${trigger} invocation failed due to error HTTP ${status}.`);
  }
  const response = (body as { response?: unknown } | undefined)?.response;
  if (body === undefined || !isObject(response)) return invalidLambdaResponse();
  return response;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function invalidLambdaResponse(): never {
  return fail('InvalidLambdaResponseException', 'Invalid lambda function output : Invalid JSON');
}

/** A member a hook may leave out or null, or set to a value of the type. */
export const optionalOfType = (value: unknown, type: 'string' | 'boolean') => value === null || value === undefined || typeof value === type;

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
