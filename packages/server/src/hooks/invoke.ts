import { fail } from '../errors.js';
import { fetchJson, OutboundError, type JsonAnswer } from '../http/outbound.js';
import { isObject } from '../objects.js';
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
  let answer: JsonAnswer;
  try {
    answer = await fetchJson(target, { method: 'POST', json: event, timeoutMs: context.hookTimeoutMs, maxBytes: maxAnswerBytes });
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    if (error.fault === 'too-large') return invalidLambdaResponse();
    const timedOut = error.fault === 'timeout';
    console.error(`[hooks] ${trigger} at ${target} did not answer:`, timedOut ? `no answer in ${context.hookTimeoutMs} ms` : error.message);
    return fail('UnexpectedLambdaException', `${trigger} invocation failed due to error ${timedOut ? 'Socket timeout while invoking Lambda function' : 'HookUnreachable'}.`);
  }
  const { status, body } = answer;
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

export function invalidLambdaResponse(): never {
  return fail('InvalidLambdaResponseException', 'Invalid lambda function output : Invalid JSON');
}

/** A member a hook may leave out or null, or set to a value of the type. */
export const optionalOfType = (value: unknown, type: 'string' | 'boolean') => value === null || value === undefined || typeof value === type;

