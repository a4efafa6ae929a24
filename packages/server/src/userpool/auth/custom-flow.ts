import { createAuthChallenge, customAuthNotConfigured, defineAuthChallenge, verifyAuthChallengeResponse, type ChallengeCall, type ChallengeResult } from '../../hooks/auth-challenge.js';
import { eventUserOf, unknownEventUser } from '../../hooks/event.js';
import { fail, messages } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { findUserForSignIn, usernameKeyOf } from '../users.js';
import { assertAccountCanSignIn, assertEnabled } from './complete.js';
import { nextStepAfterMfa } from './next-step.js';
import type { AuthResult } from './result.js';
import { endSession, startSession, type CustomProgress, type OpenSession } from './sessions.js';
import { startSrpSignIn } from './srp-flow.js';
import { failUnknownUser } from './unknown-user.js';

/**
 * How many challenge results one custom sign-in may gather before it is refused. Cognito's own
 * bound is not documented; this one keeps a define hook that never decides from looping forever.
 */
export const maxChallengeResults = 16;

const sealContext = 'custom-challenge';

/**
 * CUSTOM_AUTH, first step: the define hook decides, from an empty session or, when the client
 * starts with SRP (`CHALLENGE_NAME: SRP_A`), from `[SRP_A: true]`. InitiateAuth's ClientMetadata
 * is not passed to the challenge triggers (Cognito's API reference says so).
 */
export async function startCustomSignIn(context: Context, resolved: ClientAndPool, parameters: Record<string, string>): Promise<AuthResult> {
  const { client, pool } = resolved;
  if (!pool.LambdaConfig?.DefineAuthChallenge) return fail('InvalidParameterException', customAuthNotConfigured);
  const identifier = parameters.USERNAME;
  if (!identifier) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  const srpFirst = parameters.CHALLENGE_NAME === 'SRP_A';
  if (srpFirst && parameters.SRP_A === undefined) return fail('InvalidParameterException', 'Missing required parameter SRP_A');
  const user = await findUserForSignIn(context, pool, identifier);
  assertSecretHash(client, [identifier, ...(user ? [user.username] : [])], parameters.SECRET_HASH);
  if (user) assertEnabled(user);
  else if (client.PreventUserExistenceErrors !== 'ENABLED') return failUnknownUser(client);
  const progress: CustomProgress = {
    results: srpFirst ? [{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }] : [],
    ...(user ? {} : { unknownUsername: identifier }),
  };
  return nextCustomStep(context, resolved, user, progress, { deviceKey: parameters.DEVICE_KEY, srpParameters: srpFirst ? parameters : undefined });
}

/** The password was proven inside a custom sign-in: the define hook decides what follows. */
export function continueCustomSignIn(context: Context, resolved: ClientAndPool, user: User, progress: CustomProgress, result: ChallengeResult, deviceKey: string | undefined): Promise<AuthResult> {
  return nextCustomStep(context, resolved, user, { results: [...progress.results, result] }, { deviceKey });
}

/** CUSTOM_CHALLENGE answered: the verify hook judges the ANSWER, then the define hook decides. */
export async function answerCustomChallenge(
  context: Context,
  resolved: ClientAndPool,
  session: OpenSession,
  responses: Record<string, string>,
  clientMetadata?: Record<string, string>,
): Promise<AuthResult> {
  const { client, pool } = resolved;
  const { state } = session;
  const progress = state.custom!;
  const user = state.username === null ? undefined : await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, state.username));
  if (state.username !== null) {
    const named = await findUserForSignIn(context, pool, responses.USERNAME!);
    if (!user || named?.sub !== user.sub) return fail('NotAuthorizedException', messages.incorrectCredentials);
    assertSecretHash(client, [user.username, responses.USERNAME!], responses.SECRET_HASH);
  }
  if (responses.ANSWER === undefined) return fail('InvalidParameterException', 'Missing required parameter ANSWER');
  await endSession(context, session);
  if (user) assertEnabled(user);
  const call = callAbout(user, progress, clientMetadata);
  const privateParameters = progress.privateParametersSealed ? (JSON.parse(context.sealer.openText(progress.privateParametersSealed, sealContext)) as Record<string, string>) : {};
  const correct = await verifyAuthChallengeResponse(context, resolved, call, privateParameters, responses.ANSWER);
  const result = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, challengeMetadata: progress.challengeMetadata ?? null };
  const next: CustomProgress = { results: [...progress.results, result], ...(progress.unknownUsername ? { unknownUsername: progress.unknownUsername } : {}) };
  return nextCustomStep(context, resolved, user, next, { deviceKey: responses.DEVICE_KEY ?? state.deviceKey, clientMetadata });
}

interface StepOptions {
  deviceKey?: string | undefined;
  /** The InitiateAuth parameters of a sign-in that started with SRP_A, while PASSWORD_VERIFIER may still be chosen. */
  srpParameters?: Record<string, string> | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

/** Asks the define hook and takes the step it chose: tokens, failure, a custom challenge, or the SRP password check. */
async function nextCustomStep(context: Context, resolved: ClientAndPool, user: User | undefined, progress: CustomProgress, options: StepOptions): Promise<AuthResult> {
  if (progress.results.length > maxChallengeResults) return fail('NotAuthorizedException', messages.incorrectCredentials);
  const call = callAbout(user, progress, options.clientMetadata);
  const decision = await defineAuthChallenge(context, resolved, call, progress.results);
  if (decision.failAuthentication) return fail('NotAuthorizedException', messages.incorrectCredentials);
  if (decision.issueTokens) {
    if (!user) return fail('NotAuthorizedException', messages.incorrectCredentials);
    assertAccountCanSignIn(user);
    return nextStepAfterMfa(context, resolved, user, { flow: 'CUSTOM_AUTH', deviceKey: options.deviceKey });
  }
  if (decision.challengeName === 'PASSWORD_VERIFIER' && options.srpParameters) {
    return startSrpSignIn(context, resolved, options.srpParameters, progress);
  }
  if (decision.challengeName !== 'CUSTOM_CHALLENGE') {
    return fail('InvalidLambdaResponseException', `Invalid lambda function output : Unsupported challenge name ${decision.challengeName ?? 'null'}`);
  }
  const created = await createAuthChallenge(context, resolved, call, 'CUSTOM_CHALLENGE', progress.results);
  const username = user?.username ?? progress.unknownUsername!;
  const session = await startSession(context, resolved.client, {
    flow: 'CUSTOM_AUTH',
    username: user?.username ?? null,
    challenge: 'CUSTOM_CHALLENGE',
    ...(options.deviceKey ? { deviceKey: options.deviceKey } : {}),
    custom: {
      ...progress,
      privateParametersSealed: context.sealer.seal(JSON.stringify(created.privateChallengeParameters), sealContext),
      challengeMetadata: created.challengeMetadata,
    },
  });
  return { ChallengeName: 'CUSTOM_CHALLENGE', Session: session, ChallengeParameters: { ...created.publicChallengeParameters, USERNAME: username } };
}

const callAbout = (user: User | undefined, progress: CustomProgress, clientMetadata: Record<string, string> | undefined): ChallengeCall => ({
  user: user ? eventUserOf(user) : unknownEventUser(progress.unknownUsername!),
  userNotFound: !user,
  clientMetadata,
});
