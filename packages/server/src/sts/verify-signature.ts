import { readSignedRequest, SignatureError, signatureMatches, type RequestToVerify, type SignedRequest } from '@cognate/sigv4';
import { findVendedCredentialsEvenExpired, type VendedCredentials } from '../identitypool/credentials.js';
import type { Context } from '../userpool/context.js';
import { StsError, stsFail, stsMessages } from './errors.js';

/** A SigV4 signature for `sts` made with credentials Cognate vended, checked as STS checks it. */
export async function verifyVendedSignature(context: Context, request: RequestToVerify): Promise<VendedCredentials> {
  let signed: SignedRequest;
  try {
    signed = readSignedRequest(request, { service: 'sts', now: context.clock.now() });
  } catch (error) {
    throw error instanceof SignatureError ? asStsError(error) : error;
  }
  return checkVendedSignature(context, signed);
}

/**
 * The session token names the credentials, the access key id must be theirs, they must not have
 * expired, and the signature must be made with their secret: in that order, so each fault gets STS's answer.
 */
export async function checkVendedSignature(context: Context, signed: Pick<SignedRequest, 'scope' | 'sessionToken' | 'stringToSign' | 'signature'>): Promise<VendedCredentials> {
  const credentials = signed.sessionToken === undefined ? undefined : await findVendedCredentialsEvenExpired(context, signed.sessionToken, signed.scope.accessKeyId);
  if (!credentials) return stsFail('InvalidClientTokenId', stsMessages.invalidClientToken);
  if (credentials.expiresAt <= context.clock.now()) return stsFail('ExpiredToken', stsMessages.expiredClientToken);
  if (!signatureMatches(signed, credentials.secretKey)) stsFail('SignatureDoesNotMatch', stsMessages.signatureMismatch);
  return credentials;
}

/** The shared SigV4 checks name their faults as the JSON protocols do; STS names them its own way. */
function asStsError(error: SignatureError): StsError {
  if (error.code === 'MissingAuthenticationTokenException') return new StsError('MissingAuthenticationToken', stsMessages.missingAuthentication);
  if (error.code === 'IncompleteSignatureException') return new StsError('IncompleteSignature', error.message);
  return new StsError('SignatureDoesNotMatch', error.message);
}
