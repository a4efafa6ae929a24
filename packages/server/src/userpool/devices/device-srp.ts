import { constantTimeEqual } from '../../crypto/hashes.js';
import { isValidSrpTimestamp, parseSrpA, startSrp, verifySrpClaim } from '../../crypto/srp.js';
import { fail, messages } from '../../errors.js';
import { userStore, type User } from '../../store/users.js';
import { assertEnabled } from '../auth/complete.js';
import { issueTokens } from '../auth/issue-tokens.js';
import type { AuthResult } from '../auth/result.js';
import { endSession, startSession, type OpenSession } from '../auth/sessions.js';
import { assertSecretHash, type ClientAndPool } from '../clients.js';
import type { Context } from '../context.js';
import { usernameKeyOf } from '../users.js';
import { deviceDoesNotExist } from './manage.js';
import { canProveDevice } from './sign-in.js';
import { deviceStore, deviceVerifierContext, type Device } from './store.js';

/**
 * Device SRP (reference §3.7): the same SRP as the password's, with the device group key in place
 * of the pool name, the device key in place of the username and the verifier from ConfirmDevice.
 */

/** The password is proven and the sign-in named a remembered device: it proves itself next. */
export async function deviceSrpChallenge(context: Context, { client }: ClientAndPool, user: User, flow: string, device: Device): Promise<AuthResult> {
  const session = await startSession(context, client, { flow, username: user.username, challenge: 'DEVICE_SRP_AUTH', deviceKey: device.key });
  // No USERNAME here: Amplify would look its device up under that name rather than the one it signed in with.
  return { ChallengeName: 'DEVICE_SRP_AUTH', Session: session, ChallengeParameters: {} };
}

async function sessionUserAndDevice(context: Context, { client, pool }: ClientAndPool, session: OpenSession, responses: Record<string, string>) {
  const user = await userStore.byUsernameKey(context.db, pool.Id, usernameKeyOf(pool, session.state.username ?? ''));
  if (!user) return fail('UserNotFoundException', messages.userDoesNotExist);
  assertSecretHash(client, [user.username, responses.USERNAME ?? ''], responses.SECRET_HASH);
  if (!responses.DEVICE_KEY) return fail('InvalidParameterException', 'Missing required parameter DEVICE_KEY');
  if (responses.DEVICE_KEY !== session.state.deviceKey) return fail('NotAuthorizedException', messages.incorrectCredentials);
  const device = await deviceStore.find(context.db, user, responses.DEVICE_KEY);
  if (!device || !canProveDevice(device)) return fail('ResourceNotFoundException', deviceDoesNotExist);
  return { user, device };
}

/** DEVICE_SRP_AUTH answered with the device's SRP_A: the server's B for the device's verifier. */
export async function answerDeviceSrpAuth(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const { user, device } = await sessionUserAndDevice(context, resolved, session, responses);
  if (responses.SRP_A === undefined) return fail('InvalidParameterException', 'Missing required parameter SRP_A');
  if (parseSrpA(responses.SRP_A) === null) return fail('InvalidParameterException', 'Invalid SRP_A value.');
  await endSession(context, session);
  const { bHex, BHex } = startSrp(context.sealer.openText(device.verifierSealed!, deviceVerifierContext(device.key)));
  const secretBlock = context.random.bytes(64).toString('base64');
  const next = await startSession(context, resolved.client, {
    flow: session.state.flow,
    username: user.username,
    challenge: 'DEVICE_PASSWORD_VERIFIER',
    deviceKey: device.key,
    srp: { A: responses.SRP_A, bSealed: context.sealer.seal(bHex, 'srp-b'), B: BHex, secretBlock, salt: device.salt! },
  });
  return {
    ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
    Session: next,
    ChallengeParameters: { SRP_B: BHex, SALT: device.salt!, SECRET_BLOCK: secretBlock, USERNAME: user.username, DEVICE_KEY: device.key },
  };
}

/** DEVICE_PASSWORD_VERIFIER: the device's proof, then the tokens, bound to the device. */
export async function answerDevicePasswordVerifier(context: Context, resolved: ClientAndPool, session: OpenSession, responses: Record<string, string>): Promise<AuthResult> {
  const { user, device } = await sessionUserAndDevice(context, resolved, session, responses);
  await endSession(context, session);
  assertEnabled(user);
  const srp = session.state.srp!;
  const proven =
    typeof responses.PASSWORD_CLAIM_SIGNATURE === 'string' &&
    typeof responses.TIMESTAMP === 'string' &&
    constantTimeEqual(responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '', srp.secretBlock) &&
    isValidSrpTimestamp(responses.TIMESTAMP, context.clock.now()) &&
    verifySrpClaim({
      poolName: device.groupKey,
      username: device.key,
      verifierHex: context.sealer.openText(device.verifierSealed!, deviceVerifierContext(device.key)),
      bHex: context.sealer.openText(srp.bSealed, 'srp-b'),
      BHex: srp.B,
      A: parseSrpA(srp.A)!,
      secretBlock: srp.secretBlock,
      timestamp: responses.TIMESTAMP,
      signature: responses.PASSWORD_CLAIM_SIGNATURE,
    });
  if (!proven) return fail('NotAuthorizedException', messages.incorrectCredentials);
  return issueTokens(context, resolved, user, { deviceKey: device.key, tokenSource: 'TokenGeneration_AuthenticateDevice' });
}
