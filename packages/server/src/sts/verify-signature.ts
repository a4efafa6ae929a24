import { timingSafeEqual } from 'node:crypto';
import { checkAlgorithm, parseAuthorizationHeader, parseCredentialScope } from '../http/sigv4/authorization.js';
import { canonicalRequest, headerValues, sha256Hex, signatureOf, signingKey, stringToSign, type RequestToVerify } from '../http/sigv4/canonical.js';
import { checkSignatureTime, parseAmzDate } from '../http/sigv4/date.js';
import { findVendedCredentialsEvenExpired, type VendedCredentials } from '../identitypool/credentials.js';
import type { Context } from '../userpool/context.js';
import { asStsError, stsFail, stsMessages } from './errors.js';

/**
 * A SigV4 signature for `sts` made with credentials Cognate vended: the session token names them,
 * the access key id must be theirs, they must not have expired, and the signature must be made with
 * their secret. Checked in the order STS checks, so each fault gets STS's answer.
 */
export async function verifyVendedSignature(context: Context, request: RequestToVerify): Promise<VendedCredentials> {
  const headers = headerValues(request.rawHeaders);
  const authorization = headers.get('authorization');
  if (!authorization?.startsWith('AWS4-')) return stsFail('MissingAuthenticationToken', stsMessages.missingAuthentication);
  const amzDate = headers.get('x-amz-date');
  const { scope, header } = parseSignature(authorization, amzDate, context.clock.now());

  const sessionToken = headers.get('x-amz-security-token');
  const credentials = sessionToken === undefined ? undefined : await findVendedCredentialsEvenExpired(context, sessionToken, scope.accessKeyId);
  if (!credentials) return stsFail('InvalidClientTokenId', stsMessages.invalidClientToken);
  if (credentials.expiresAt <= context.clock.now()) return stsFail('ExpiredToken', stsMessages.expiredClientToken);

  const payloadHash = sha256Hex(request.body);
  const declaredHash = headers.get('x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== payloadHash) {
    stsFail('SignatureDoesNotMatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const toSign = stringToSign(amzDate!, scope.scope, canonicalRequest({ method: request.method, url: request.url, headers, signedHeaders: header.signedHeaders, payloadHash }));
  const expected = signatureOf(signingKey(credentials.secretKey, scope.date, scope.region, scope.service), toSign);
  if (!sameText(expected, header.signature)) stsFail('SignatureDoesNotMatch', stsMessages.signatureMismatch);
  return credentials;
}

/** The Authorization header and X-Amz-Date, well-formed, in date and scoped to `sts`; the shared checks answer in STS's codes. */
function parseSignature(authorization: string, amzDate: string | undefined, now: number) {
  try {
    const header = parseAuthorizationHeader(authorization, amzDate !== undefined);
    checkSignatureTime(amzDate!, parseAmzDate(amzDate!), now);
    if (!header.signedHeaders.includes('host')) stsFail('SignatureDoesNotMatch', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    checkAlgorithm(header.algorithm);
    return { header, scope: parseCredentialScope(header.credential, amzDate!, 'sts') };
  } catch (error) {
    throw asStsError(error);
  }
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
