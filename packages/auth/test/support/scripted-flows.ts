// Cognate does not serve CUSTOM_AUTH, USER_AUTH or WEB_AUTHN yet. To test the library's side of
// those flows end to end, these operations stand in front of Cognate's own InitiateAuth,
// RespondToAuthChallenge and ConfirmSignUp: they answer the missing challenges as the wire
// reference (§2.8, §6) describes, and get real tokens from Cognate's password flow (the test
// registers each user's password) or its SRP flow (real PASSWORD_VERIFIER checks).
import { randomUUID } from 'node:crypto';
import { CognitoError } from '../../../server/src/errors.js';
import { userPoolOperations } from '../../../server/src/protocol/cognito-idp/index.js';
import type { Operation } from '../../../server/src/protocol/operation.js';
import { resolveClient } from '../../../server/src/userpool/clients.js';
import type { Context } from '../../../server/src/userpool/context.js';

type Result = { ChallengeName?: string; Session?: string; ChallengeParameters?: Record<string, string>; AuthenticationResult?: object; AvailableChallenges?: string[] };
interface Pending {
  username: string;
  /** Tokens a CUSTOM_WITH_SRP sign-in earned with its password, held until the custom answer. */
  held?: Result;
}

export interface ScriptedFlows {
  operations: Record<string, Operation>;
  /** Lets the script sign this user in once it accepts a non-password factor. */
  registerPassword(username: string, password: string): void;
  /** The EMAIL_OTP code the script "sent" for a user. */
  otpFor(username: string): string | undefined;
  /** What the last WEB_AUTHN answer carried. */
  lastCredential?: Record<string, unknown>;
}

export const customAnswer = '42';

export function scriptedFlows(): ScriptedFlows {
  const real = userPoolOperations;
  const passwords = new Map<string, string>();
  const otps = new Map<string, string>();
  const pending = new Map<string, Pending>();
  const srpSessions = new Set<string>();
  const incorrect = () => new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
  const session = (kind: string, state: Pending) => {
    const id = `${kind}:${randomUUID()}`;
    pending.set(id, state);
    return id;
  };
  const initiate = (context: Context, ClientId: string, AuthFlow: string, AuthParameters: Record<string, string>) =>
    real.InitiateAuth!.handle(context, { ClientId, AuthFlow, AuthParameters }) as Promise<Result>;
  const tokensFor = (context: Context, ClientId: string, username: string) =>
    initiate(context, ClientId, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: passwords.get(username) ?? '' });
  const selectChallenge = (username: string): Result => ({
    ChallengeName: 'SELECT_CHALLENGE',
    Session: session('select', { username }),
    ChallengeParameters: {},
    AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'],
  });
  const emailOtp = (username: string): Result => {
    otps.set(username, String(100000 + Math.floor(Math.random() * 900000)));
    return {
      ChallengeName: 'EMAIL_OTP',
      Session: session('otp', { username }),
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'u***@e***' },
    };
  };
  const webAuthn = (username: string): Result => ({
    ChallengeName: 'WEB_AUTHN',
    Session: session('webauthn', { username }),
    ChallengeParameters: {
      CREDENTIAL_REQUEST_OPTIONS: JSON.stringify({ challenge: 'Y2hhbGxlbmdl', rpId: 'localhost', timeout: 180000, allowCredentials: [{ id: 'Y3JlZC0x', type: 'public-key' }], userVerification: 'required' }),
    },
  });
  const flows: ScriptedFlows = {
    registerPassword: (username, password) => void passwords.set(username, password),
    otpFor: (username) => otps.get(username),
    operations: {},
  };

  flows.operations.SignUp = {
    ...real.SignUp!,
    // As a pre-sign-up trigger that auto-confirms would make Cognito answer: UserConfirmed, no code.
    async handle(context, input) {
      const result = (await real.SignUp!.handle(context, input)) as Record<string, unknown>;
      if (!String(input.Username).startsWith('confirmed-')) return result;
      const { pool } = await resolveClient(context, input.ClientId);
      await real.AdminConfirmSignUp!.handle(context, { UserPoolId: pool.Id, Username: input.Username });
      return { UserConfirmed: true, UserSub: result.UserSub };
    },
  };

  flows.operations.ConfirmSignUp = {
    ...real.ConfirmSignUp!,
    // Cognito answers with a Session USER_AUTH accepts as the first factor (reference §9 #20).
    handle: async (context, input) => ({ ...(await real.ConfirmSignUp!.handle(context, input)), Session: session('signup', { username: input.Username }) }),
  };

  flows.operations.InitiateAuth = {
    ...real.InitiateAuth!,
    async handle(context, input) {
      const { ClientId, AuthFlow, AuthParameters: params = {} } = input as { ClientId: string; AuthFlow: string; AuthParameters?: Record<string, string>; Session?: string };
      const username = params.USERNAME!;
      if (AuthFlow === 'CUSTOM_AUTH') {
        if (params.CHALLENGE_NAME !== 'SRP_A') {
          return { ChallengeName: 'CUSTOM_CHALLENGE', Session: session('custom', { username }), ChallengeParameters: { USERNAME: username, question: 'What is 6 × 7?' } };
        }
        const verifier = await initiate(context, ClientId, 'USER_SRP_AUTH', { USERNAME: username, SRP_A: params.SRP_A! });
        srpSessions.add(verifier.Session!);
        return verifier;
      }
      if (AuthFlow !== 'USER_AUTH') return real.InitiateAuth!.handle(context, input);
      const signUpSession = input.Session && pending.get(input.Session);
      if (signUpSession) return tokensFor(context, ClientId, signUpSession.username);
      switch (params.PREFERRED_CHALLENGE) {
        case 'PASSWORD':
          return initiate(context, ClientId, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: params.PASSWORD! });
        case 'PASSWORD_SRP':
          return initiate(context, ClientId, 'USER_SRP_AUTH', { USERNAME: username, SRP_A: params.SRP_A! });
        case 'EMAIL_OTP':
          return emailOtp(username);
        default:
          return selectChallenge(username);
      }
    },
  };

  flows.operations.RespondToAuthChallenge = {
    ...real.RespondToAuthChallenge!,
    async handle(context, input) {
      const { ClientId, ChallengeName, Session = '', ChallengeResponses: answer = {} } = input as {
        ClientId: string;
        ChallengeName: string;
        Session?: string;
        ChallengeResponses?: Record<string, string>;
      };
      if (ChallengeName === 'PASSWORD_VERIFIER' && srpSessions.delete(Session)) {
        const held = (await real.RespondToAuthChallenge!.handle(context, input)) as Result;
        return { ChallengeName: 'CUSTOM_CHALLENGE', Session: session('custom', { username: answer.USERNAME!, held }), ChallengeParameters: { USERNAME: answer.USERNAME!, question: 'What is 6 × 7?' } };
      }
      const state = pending.get(Session);
      if (!state) return real.RespondToAuthChallenge!.handle(context, input);
      switch (ChallengeName) {
        case 'CUSTOM_CHALLENGE':
          if (answer.ANSWER !== customAnswer) throw incorrect();
          pending.delete(Session);
          return state.held ?? tokensFor(context, ClientId, state.username);
        case 'SELECT_CHALLENGE':
          if (answer.ANSWER === 'PASSWORD') return initiate(context, ClientId, 'USER_PASSWORD_AUTH', { USERNAME: answer.USERNAME!, PASSWORD: answer.PASSWORD! });
          if (answer.ANSWER === 'PASSWORD_SRP') return initiate(context, ClientId, 'USER_SRP_AUTH', { USERNAME: answer.USERNAME!, SRP_A: answer.SRP_A! });
          if (answer.ANSWER === 'EMAIL_OTP') return emailOtp(state.username);
          if (answer.ANSWER === 'WEB_AUTHN') return webAuthn(state.username);
          throw new CognitoError('InvalidParameterException', 'Invalid ANSWER.');
        case 'EMAIL_OTP':
          if (answer.EMAIL_OTP_CODE !== otps.get(state.username)) throw new CognitoError('CodeMismatchException', 'Invalid code received for user');
          return tokensFor(context, ClientId, state.username);
        case 'WEB_AUTHN':
          flows.lastCredential = JSON.parse(answer.CREDENTIAL ?? 'null');
          return tokensFor(context, ClientId, state.username);
      }
      throw incorrect();
    },
  };
  return flows;
}
