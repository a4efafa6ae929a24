import { randomInt } from 'node:crypto';
import type { ConfigFile } from '../../src/config/schema.js';
import { neverAnswer, notJson, type Hook, type HookServer } from './hook-server.js';

/** How the app's hooks misbehave, for the tests of failures; `codes` is the app working as meant. */
export type HookBehaviour = 'codes' | 'define-never-answers' | 'create-rejects' | 'create-answers-text' | 'define-never-decides';

/**
 * A sign-in code challenge as an app writes it in its Lambdas: define asks for CUSTOM_CHALLENGE
 * (after the password when the client started with SRP) and fails after three wrong answers;
 * create makes a 6-digit code, "sends" it (here: into `sentCodes`), keeps it private and shows a
 * hint; verify compares.
 */
export function codeChallengeHooks() {
  const sentCodes = new Map<string, string>();
  const app = { behaviour: 'codes' as HookBehaviour, sentCodes };
  const hooks: Record<string, Hook> = {
    DefineAuthChallenge(event) {
      if (app.behaviour === 'define-never-answers') return neverAnswer;
      const { session, userNotFound } = event.request as { session: Array<{ challengeName: string; challengeResult: boolean }>; userNotFound?: boolean };
      const last = session.at(-1);
      const customTries = session.filter((c) => c.challengeName === 'CUSTOM_CHALLENGE').length;
      event.response.issueTokens = false;
      event.response.failAuthentication = false;
      if (userNotFound) {
        event.response.failAuthentication = true;
      } else if (session.length === 1 && last?.challengeName === 'SRP_A') {
        event.response.challengeName = 'PASSWORD_VERIFIER';
      } else if (app.behaviour !== 'define-never-decides' && last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) {
        event.response.issueTokens = true;
      } else if (app.behaviour !== 'define-never-decides' && customTries >= 3) {
        event.response.failAuthentication = true;
      } else {
        event.response.challengeName = 'CUSTOM_CHALLENGE';
      }
      return event;
    },
    CreateAuthChallenge(event) {
      if (app.behaviour === 'create-rejects') throw new Error('No email address on file');
      if (app.behaviour === 'create-answers-text') return notJson;
      const code = String(randomInt(100_000, 1_000_000));
      sentCodes.set(event.userName, code);
      const tries = (event.request.session as unknown[]).length;
      event.response.publicChallengeParameters = { hint: 'Enter the 6-digit code we emailed you', attempt: String(tries + 1) };
      event.response.privateChallengeParameters = { code };
      event.response.challengeMetadata = `CODE-${tries + 1}`;
      return event;
    },
    VerifyAuthChallengeResponse(event) {
      event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.code;
      return event;
    },
  };
  return { app, hooks };
}

export const hookPoolId = 'us-east-1_HookPool1';
export const customClientId = 'customclient1';

/** A pool whose challenge triggers are the hook server's, a pool without triggers, and one naming Lambda ARNs. */
export function customAuthConfig(hookServer: HookServer): ConfigFile {
  const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
  return {
    UserPools: [
      {
        Id: hookPoolId,
        PoolName: 'hooks',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: {
          DefineAuthChallenge: hookServer.urlOf('DefineAuthChallenge'),
          CreateAuthChallenge: hookServer.urlOf('CreateAuthChallenge'),
          VerifyAuthChallengeResponse: hookServer.urlOf('VerifyAuthChallengeResponse'),
        },
        Clients: [
          { ClientId: customClientId, ClientName: 'custom', ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
          { ClientId: 'legacycustom1', ClientName: 'custom-legacy', PreventUserExistenceErrors: 'LEGACY', ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] },
          { ClientId: 'nocustomclient1', ClientName: 'no-custom', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        ],
      },
      { Id: 'us-east-1_NoHooks1', PoolName: 'no-hooks', Clients: [{ ClientId: 'plainclient1', ClientName: 'plain', ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] }] },
      {
        Id: 'us-east-1_ArnHooks1',
        PoolName: 'lambda-arns',
        LambdaConfig: { DefineAuthChallenge: arn('define'), CreateAuthChallenge: arn('create'), VerifyAuthChallengeResponse: arn('verify') },
        Clients: [{ ClientId: 'arnclient1', ClientName: 'arns', ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] }],
      },
    ],
  };
}
