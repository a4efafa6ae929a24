import type { VerifiedCaller } from './caller.js';
import type { RequestToVerify } from './canonical.js';
import { SignatureError, type SignatureErrorCode } from './errors.js';
import { readSignedRequest } from './signed-request.js';

export interface CognateVerifierOptions {
  /** Cognate's base URL, e.g. `http://127.0.0.1:9245`. */
  endpoint: string;
  /** The signing name clients use for your service; the credential scope must carry it. */
  service: string;
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD`, as S3 does: the signature then does not cover the body. */
  allowUnsignedPayload?: boolean;
  /** How long Cognate may take to answer; 5 seconds unless said. */
  timeoutMs?: number;
  /** Milliseconds since the epoch: the clock signatures are checked against. */
  now?: () => number;
  fetch?: typeof globalThis.fetch;
}

/** Checks a request and answers who signed it; throws SignatureError when the signature does not hold. */
export type RequestVerifier = (request: RequestToVerify) => Promise<VerifiedCaller>;

/** The path under Cognate's endpoint that checks a signature against the credentials it vended. */
export const verifyPath = '/sigv4/verify';

interface VerifyAnswer {
  IdentityId: string;
  IdentityPoolId: string;
  Authenticated: boolean;
  Amr: string[];
  RoleArn: string;
  AssumedRoleArn: string;
  UserId: string;
  Account: string;
  Expiration: number;
  Policies: { PolicyName: string; PolicyDocument: VerifiedCaller['policies'][number]['document'] }[];
}

/**
 * A verifier for requests signed with credentials Cognate's identity pools vended. Everything that
 * needs no secret is checked here; the secret never leaves Cognate, which is asked whether the
 * signature matches and answers with the identity, the role and the role's policies.
 */
export function createCognateVerifier(options: CognateVerifierOptions): RequestVerifier {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5000;

  return async function verify(request) {
    const signed = readSignedRequest(request, { service: options.service, now: now(), allowUnsignedPayload: options.allowUnsignedPayload ?? false });
    if (signed.sessionToken === undefined) throw new SignatureError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    let response: Response;
    try {
      response = await fetchImpl(`${endpoint}${verifyPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ AccessKeyId: signed.scope.accessKeyId, SessionToken: signed.sessionToken, StringToSign: signed.stringToSign, Signature: signed.signature }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SignatureError('ServiceUnavailable', `Cognate could not be asked to verify the signature: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => undefined)) as (VerifyAnswer & { __type?: string; message?: string }) | undefined;
    if (response.status === 200 && answer) return callerFrom(signed.scope.accessKeyId, answer);
    if (response.status >= 400 && response.status < 500 && answer?.__type) throw new SignatureError(answer.__type as SignatureErrorCode, answer.message ?? answer.__type);
    throw new SignatureError('ServiceUnavailable', `Cognate answered the signature check with HTTP ${response.status}.`);
  };
}

function callerFrom(accessKeyId: string, answer: VerifyAnswer): VerifiedCaller {
  return {
    accessKeyId,
    identityId: answer.IdentityId,
    identityPoolId: answer.IdentityPoolId,
    authenticated: answer.Authenticated,
    amr: answer.Amr,
    roleArn: answer.RoleArn,
    assumedRoleArn: answer.AssumedRoleArn,
    userId: answer.UserId,
    account: answer.Account,
    expiration: new Date(answer.Expiration * 1000),
    policies: answer.Policies.map((policy) => ({ policyName: policy.PolicyName, document: policy.PolicyDocument })),
  };
}
