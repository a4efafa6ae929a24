import { readSignedRequest, SignatureError, signatureMatches, type RequestToVerify } from '@cognate/sigv4';
import type { Clock } from '../../clock.js';
import type { AdminCredential } from '../../config/schema.js';
import { CognitoError, type ErrorName } from '../../errors.js';

export interface SigV4VerifierOptions {
  /** The signing name the credential scope must carry, e.g. `cognito-idp`. */
  service: string;
  credentials: readonly AdminCredential[];
  clock: Clock;
}

export type SignatureVerifier = (request: RequestToVerify) => void;

const signatureMismatch =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Checks an AWS Signature Version 4 made with an admin key, in the order AWS checks (so a request
 * with several faults gets the answer AWS would give), and throws the error AWS answers.
 */
export function createSigV4Verifier({ service, credentials, clock }: SigV4VerifierOptions): SignatureVerifier {
  const secrets = new Map(credentials.map((credential) => [credential.AccessKeyId, credential.SecretAccessKey]));

  return function verifySignature(request) {
    const signed = asCognitoError(() => readSignedRequest(request, { service, now: clock.now() }));
    const secret = secrets.get(signed.scope.accessKeyId);
    if (secret === undefined) throw new CognitoError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (!signatureMatches(signed, secret)) throw new CognitoError('InvalidSignatureException', signatureMismatch);
  };
}

/** Reading a signature finds only faults of form and time, which the JSON protocols name as SignatureError does. */
function asCognitoError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw error instanceof SignatureError ? new CognitoError(error.code as ErrorName, error.message) : error;
  }
}
