import { isValidSrpTimestamp, modPowWork, parseSrpA, startSrp, verifySrpClaim } from '../../crypto/srp.js';
import { constantTimeEqual } from '../../crypto/hashes.js';
import { fail, messages } from '../../errors.js';
import { userStore } from '../../store/users.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { srpPoolName } from '../pool.js';
import { srpVerifierContext, usernameKeyOf } from '../users.js';
import { completeSignInOnDevice } from '../devices/complete-on-device.js';
import { signInDevice } from '../devices/sign-in.js';
import { assertEnabled } from './complete.js';
import { assertNotLockedOut, recordFailedSignIn, recordSuccessfulSignIn } from './lockout.js';
import type { AuthResult } from './result.js';
import { continueCustomSignIn } from './custom-flow.js';
import { endSession, startSession, type CustomProgress, type OpenSession } from './sessions.js';
import { userSigningIn } from './signing-in-user.js';

/**
 * USER_SRP_AUTH, first step: the server's ephemeral B for the client's A (reference §3.4). CUSTOM_AUTH
 * takes the same step when its define hook asks for PASSWORD_VERIFIER, carrying its progress along,
 * and USER_AUTH when PASSWORD_SRP is the first factor.
 */
export async function startSrpSignIn(
  context: Context,
  { client, pool }: ClientAndPool,
  parameters: Record<string, string>,
  custom?: CustomProgress,
  flow = custom ? 'CUSTOM_AUTH' : 'USER_SRP_AUTH',
): Promise<AuthResult> {
  const identifier = parameters.USERNAME;
  if (!identifier) return fail('InvalidParameterException', 'Missing required parameter USERNAME');
  if (parameters.SRP_A === undefined) return fail('InvalidParameterException', 'Missing required parameter SRP_A');
  const A = parseSrpA(parameters.SRP_A);
  if (A === null) return fail('InvalidParameterException', 'Invalid SRP_A value.');
  const user = await userSigningIn(context, { client, pool }, identifier, parameters.SECRET_HASH);

  // An unknown user gets a verifier and salt derived from a server secret: stable across attempts,
  // so the challenge looks like a real one and the answer fails only at the proof.
  const username = user?.username ?? identifier;
  const fake = context.sealer.derive(`srp-fake:${pool.Id}:${usernameKeyOf(pool, identifier)}`);
  const salt = user?.srpSalt ?? fake.subarray(0, 16).toString('hex');
  const verifier = user?.srpVerifierSealed ? context.sealer.openText(user.srpVerifierSealed, srpVerifierContext(user.sub)) : fake.toString('hex');
  const { bHex, BHex } = startSrp(verifier);
  const secretBlock = context.random.bytes(64).toString('base64');
  const session = await startSession(context, client, {
    flow,
    username: user && user.srpVerifierSealed ? user.username : null,
    challenge: 'PASSWORD_VERIFIER',
    srp: { A: parameters.SRP_A, bSealed: context.sealer.seal(bHex, 'srp-b'), B: BHex, secretBlock, salt },
    ...(custom ? { custom } : {}),
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    Session: session,
    ChallengeParameters: { SALT: salt, SRP_B: BHex, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: username, USERNAME: username },
  };
}

const passwordVerified = { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null };

/** PASSWORD_VERIFIER: the client's proof that it knows the password. Every failure reads the same. */
export async function answerPasswordVerifier(
  context: Context,
  resolved: ClientAndPool,
  session: OpenSession,
  responses: Record<string, string>,
): Promise<AuthResult> {
  const { client, pool } = resolved;
  const { state } = session;
  const srp = state.srp!;
  const user = state.username === null ? undefined : await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, state.username));
  if (user) assertSecretHash(client, [user.username], responses.SECRET_HASH);
  // Checked while the session lives: Amplify answers "Device does not exist." by repeating this step without DEVICE_KEY.
  const device = await signInDevice(context, pool, user, responses.DEVICE_KEY);
  await endSession(context, session);
  if (!user || !user.srpVerifierSealed || responses.USERNAME !== user.username) {
    modPowWork();
    return fail('NotAuthorizedException', messages.incorrectCredentials);
  }
  assertEnabled(user);
  assertNotLockedOut(context, user);
  const proven =
    typeof responses.PASSWORD_CLAIM_SIGNATURE === 'string' &&
    typeof responses.TIMESTAMP === 'string' &&
    constantTimeEqual(responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '', srp.secretBlock) &&
    isValidSrpTimestamp(responses.TIMESTAMP, context.clock.now()) &&
    verifySrpClaim({
      poolName: srpPoolName(pool.Id),
      username: user.username,
      verifierHex: context.sealer.openText(user.srpVerifierSealed, srpVerifierContext(user.sub)),
      bHex: context.sealer.openText(srp.bSealed, 'srp-b'),
      BHex: srp.B,
      A: parseSrpA(srp.A)!,
      secretBlock: srp.secretBlock,
      timestamp: responses.TIMESTAMP,
      signature: responses.PASSWORD_CLAIM_SIGNATURE,
    });
  if (!proven) {
    await recordFailedSignIn(context, user);
    return fail('NotAuthorizedException', messages.incorrectCredentials);
  }
  await recordSuccessfulSignIn(context, user);
  if (state.custom) return continueCustomSignIn(context, resolved, user, state.custom, passwordVerified, device?.key);
  return completeSignInOnDevice(context, resolved, user, state.flow, device?.key);
}
