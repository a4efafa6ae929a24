import { opaqueToken, sha256Hex } from '../../crypto/hashes.js';
import { fail, messages } from '../../errors.js';
import type { ChallengeResult } from '../../hooks/auth-challenge.js';
import type { UserPoolClient } from '../client.js';
import type { Context } from '../context.js';

/** The engine's state between two steps of one sign-in. */
export interface SignInState {
  flow: string;
  /** The canonical username; null while answering for a user that does not exist. */
  username: string | null;
  challenge: string;
  /** USER_AUTH: the name the user typed, for the factor chosen at SELECT_CHALLENGE. */
  identifier?: string;
  srp?: { A: string; bSealed: string; B: string; secretBlock: string; salt: string };
  deviceKey?: string;
  /** The factors offered by SELECT_MFA_TYPE, MFA_SETUP or SELECT_CHALLENGE. */
  choices?: string[];
  /** An SMS or email code sent for this session: its keyed hash and the wrong guesses so far. */
  code?: { hash: string; attempts: number; destination?: string };
  /** MFA_SETUP: the secret AssociateSoftwareToken handed out, sealed, and whether it was verified. */
  totpPendingSealed?: string;
  totpVerified?: boolean;
  custom?: CustomProgress;
  /** WEB_AUTHN: the challenge CREDENTIAL_REQUEST_OPTIONS carries, which the assertion must sign. */
  passkeyChallenge?: string;
}

/** CUSTOM_AUTH: the challenge results so far and, while a custom challenge waits, what its answer is checked against. */
export interface CustomProgress {
  results: ChallengeResult[];
  /** The name typed, when the client hides that no such user exists. */
  unknownUsername?: string;
  /** The create hook's privateChallengeParameters, sealed: they often hold the answer itself. */
  privateParametersSealed?: string;
  challengeMetadata?: string | null;
}

export interface OpenSession {
  state: SignInState;
  idHash: string;
}

/**
 * Stores the state and returns the opaque `Session` handle: random, stored only as a hash, bound to
 * the app client, valid for the client's AuthSessionValidity.
 */
export async function startSession(context: Context, client: UserPoolClient, state: SignInState): Promise<string> {
  const session = opaqueToken(48);
  await context.db
    .insertInto('auth_sessions')
    .values({
      id_hash: sha256Hex(session),
      pool_id: client.UserPoolId,
      client_id: client.ClientId,
      state: JSON.stringify(state),
      expires_at: context.clock.now() + client.AuthSessionValidity * 60_000,
    })
    .execute();
  return session;
}

export async function openSession(context: Context, client: UserPoolClient, session: string | undefined): Promise<OpenSession> {
  const open = await openSessionOfAnyClient(context, session);
  if (open.clientId !== client.ClientId) return fail('NotAuthorizedException', messages.sessionExpired);
  return open;
}

/** AssociateSoftwareToken and VerifySoftwareToken name no client: the session says which it is. */
export async function openSessionOfAnyClient(context: Context, session: string | undefined): Promise<OpenSession & { clientId: string }> {
  if (!session) return fail('InvalidParameterException', 'Missing required parameter Session');
  const idHash = sha256Hex(session);
  const row = await context.db.selectFrom('auth_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!row || row.expires_at <= context.clock.now()) return fail('NotAuthorizedException', messages.sessionExpired);
  return { state: JSON.parse(row.state) as SignInState, idHash, clientId: row.client_id };
}

/** Keeps the session but records new state, e.g. one more wrong code. */
export async function saveSessionState(context: Context, session: OpenSession, state: SignInState): Promise<void> {
  await context.db.updateTable('auth_sessions').set({ state: JSON.stringify(state) }).where('id_hash', '=', session.idHash).execute();
}

/** Ends a session once its step succeeded; of two concurrent answers only one gets past this. */
export async function endSession(context: Context, session: OpenSession): Promise<void> {
  const deleted = await context.db.deleteFrom('auth_sessions').where('id_hash', '=', session.idHash).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) fail('NotAuthorizedException', messages.sessionExpired);
}
