import { fail } from '../../errors.js';
import { userStore } from '../../store/users.js';
import { userForAccessToken } from '../access-token-user.js';
import { startSession, endSession, openSessionOfAnyClient } from '../auth/sessions.js';
import { resolveClient } from '../clients.js';
import type { Context } from '../context.js';
import { loadUserMfa, saveUserMfa } from './factors.js';
import { newTotpSecret, totpStepOf } from './totp.js';
import { usernameKeyOf } from '../users.js';
import { totpSecretContext } from './totp-store.js';

export interface TokenOrSession {
  AccessToken?: string | undefined;
  Session?: string | undefined;
}

const mismatch = () => fail('EnableSoftwareTokenMFAException', 'Code mismatch');

/**
 * AssociateSoftwareToken: a new shared secret. During sign-in (MFA_SETUP) it lives in the sign-in
 * session, which is renewed; after sign-in it waits on the user until VerifySoftwareToken.
 */
export async function associateSoftwareToken(context: Context, request: TokenOrSession): Promise<{ SecretCode: string; Session?: string }> {
  const secret = newTotpSecret(context.random);
  if (request.AccessToken !== undefined) {
    const { user } = await userForAccessToken(context, request.AccessToken);
    await saveUserMfa(context.db, user, { totp_pending_sealed: context.sealer.seal(secret, totpSecretContext(user.sub)) }, context.clock.now());
    return { SecretCode: secret };
  }
  const { session, client, user } = await setupSession(context, request.Session);
  await endSession(context, session);
  const next = await startSession(context, client, { ...session.state, totpPendingSealed: context.sealer.seal(secret, totpSecretContext(user.sub)) });
  return { SecretCode: secret, Session: next };
}

/** VerifySoftwareToken: a code from the new secret proves the authenticator holds it. */
export async function verifySoftwareToken(context: Context, request: TokenOrSession & { UserCode: string }): Promise<{ Status: 'SUCCESS'; Session?: string }> {
  const now = context.clock.now();
  if (request.AccessToken !== undefined) {
    const { user } = await userForAccessToken(context, request.AccessToken);
    const row = await loadUserMfa(context.db, user);
    if (!row?.totp_pending_sealed) return fail('SoftwareTokenMFANotFoundException', 'Software token MFA has not been associated with this user.');
    const step = totpStepOf(context.sealer.openText(row.totp_pending_sealed, totpSecretContext(user.sub)), request.UserCode, now);
    if (step === undefined) return mismatch();
    await saveUserMfa(context.db, user, { totp_secret_sealed: row.totp_pending_sealed, totp_pending_sealed: null, totp_last_step: step }, now);
    return { Status: 'SUCCESS' };
  }
  const { session, client, user } = await setupSession(context, request.Session);
  const pending = session.state.totpPendingSealed;
  if (!pending) return fail('SoftwareTokenMFANotFoundException', 'Software token MFA has not been associated with this session.');
  const step = totpStepOf(context.sealer.openText(pending, totpSecretContext(user.sub)), request.UserCode, now);
  if (step === undefined) return mismatch();
  const row = await loadUserMfa(context.db, user);
  // Set up during a sign-in that requires MFA: the factor is on, and preferred unless another is.
  await saveUserMfa(context.db, user, { totp_secret_sealed: pending, totp_enabled: 1, totp_last_step: step, preferred: row?.preferred ?? 'SOFTWARE_TOKEN_MFA' }, now);
  await endSession(context, session);
  const { totpPendingSealed: _done, ...state } = session.state;
  return { Status: 'SUCCESS', Session: await startSession(context, client, { ...state, totpVerified: true }) };
}

async function setupSession(context: Context, sessionHandle: string | undefined) {
  if (sessionHandle === undefined) return fail('InvalidParameterException', 'Either AccessToken or Session is required.');
  const session = await openSessionOfAnyClient(context, sessionHandle);
  if (session.state.challenge !== 'MFA_SETUP' || !session.state.choices?.includes('SOFTWARE_TOKEN_MFA')) {
    return fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  }
  const { client, pool } = await resolveClient(context, session.clientId);
  const user = await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, session.state.username ?? ''));
  if (!user) return fail('UserNotFoundException', 'User does not exist.');
  return { session, client, user };
}
