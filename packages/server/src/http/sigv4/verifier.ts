import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { AdminCredential } from '../../config/schema.js';
import { CognitoError } from '../../errors.js';
import { checkAlgorithm, parseAuthorizationHeader, parseCredentialScope } from './authorization.js';
import { canonicalRequest, headerValues, sha256Hex, signatureOf, signingKey, stringToSign, type RequestToVerify } from './canonical.js';
import { checkSignatureTime, parseAmzDate } from './date.js';

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
 * Checks an AWS Signature Version 4 in the Authorization header, in the order AWS checks (so a
 * request with several faults gets the answer AWS would give), and throws the error AWS answers.
 */
export function createSigV4Verifier({ service, credentials, clock }: SigV4VerifierOptions): SignatureVerifier {
  const secrets = new Map(credentials.map((credential) => [credential.AccessKeyId, credential.SecretAccessKey]));

  return function verifySignature(request) {
    const headers = headerValues(request.rawHeaders);
    const authorization = headers.get('authorization');
    if (!authorization?.startsWith('AWS4-')) throw new CognitoError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    const amzDate = headers.get('x-amz-date');
    const header = parseAuthorizationHeader(authorization, amzDate !== undefined);
    checkSignatureTime(amzDate!, parseAmzDate(amzDate!), clock.now());
    if (!header.signedHeaders.includes('host')) {
      throw new CognitoError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    checkAlgorithm(header.algorithm);
    const scope = parseCredentialScope(header.credential, amzDate!, service);
    const secret = secrets.get(scope.accessKeyId);
    if (secret === undefined) throw new CognitoError('UnrecognizedClientException', 'The security token included in the request is invalid.');

    const payloadHash = sha256Hex(request.body);
    const declaredHash = headers.get('x-amz-content-sha256');
    if (declaredHash !== undefined && declaredHash !== payloadHash) {
      throw new CognitoError('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    const toSign = stringToSign(amzDate!, scope.scope, canonicalRequest({ method: request.method, url: request.url, headers, signedHeaders: header.signedHeaders, payloadHash }));
    const expected = signatureOf(signingKey(secret, scope.date, scope.region, scope.service), toSign);
    if (!sameText(expected, header.signature)) throw new CognitoError('InvalidSignatureException', signatureMismatch);
  };
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
