import { checkAlgorithm, parseAuthorizationHeader, parseCredentialScope, type CredentialScope } from './authorization.js';
import { canonicalRequest, headerValues, sha256Hex, stringToSign, type RequestToVerify } from './canonical.js';
import { checkSignatureTime, formatAmzDate, parseAmzDate } from './date.js';
import { SignatureError } from './errors.js';

/** What a signature claims, with the string it claims to sign: everything but the secret. */
export interface SignedRequest {
  scope: CredentialScope;
  /** `X-Amz-Security-Token`: temporary credentials carry one. */
  sessionToken: string | undefined;
  stringToSign: string;
  signature: string;
}

export interface ReadOptions {
  /** The signing name the credential scope must carry, e.g. `execute-api` or your own service's. */
  service: string;
  /** Milliseconds since the epoch, by the verifier's clock. */
  now: number;
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD`, as S3 does: the signature then does not cover the body. */
  allowUnsignedPayload?: boolean;
}

const unsignedPayload = 'UNSIGNED-PAYLOAD';
/** The longest a presigned URL may live, as AWS allows it. */
const maxPresignedSeconds = 7 * 24 * 3600;

/**
 * Takes a SigV4-signed request apart, from its Authorization header or, for a presigned URL, its
 * query, and checks everything that needs no secret, in the order AWS checks, so each fault gets
 * AWS's answer: present, well-formed, in time, `host` signed, scoped to this service, body as declared.
 */
export function readSignedRequest(request: RequestToVerify, options: ReadOptions): SignedRequest {
  const headers = headerValues(request.rawHeaders);
  const query = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
  const presigned = query.has('X-Amz-Signature') || query.has('X-Amz-Credential');
  const claim = presigned ? presignedClaim(query, options.now) : headerClaim(headers, options.now);

  if (!claim.signedHeaders.includes('host')) throw new SignatureError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  checkAlgorithm(claim.algorithm);
  const scope = parseCredentialScope(claim.credential, claim.amzDate, options.service);

  const payloadHash = payloadHashOf(request.body, headers.get('x-amz-content-sha256'), options.allowUnsignedPayload === true);
  const url = presigned ? withoutSignature(request.url) : request.url;
  const canonical = canonicalRequest({ method: request.method, url, headers, signedHeaders: claim.signedHeaders, payloadHash });
  return {
    scope,
    sessionToken: (presigned ? query.get('X-Amz-Security-Token') : headers.get('x-amz-security-token')) ?? undefined,
    stringToSign: stringToSign(claim.amzDate, scope.scope, canonical),
    signature: claim.signature,
  };
}

interface Claim {
  algorithm: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
}

function headerClaim(headers: ReadonlyMap<string, string>, now: number): Claim {
  const authorization = headers.get('authorization');
  if (!authorization?.startsWith('AWS4-')) throw new SignatureError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const amzDate = headers.get('x-amz-date');
  const header = parseAuthorizationHeader(authorization, amzDate !== undefined);
  checkSignatureTime(amzDate!, parseAmzDate(amzDate!), now);
  return { ...header, amzDate: amzDate! };
}

function presignedClaim(query: URLSearchParams, now: number): Claim {
  const missing = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Signature'].filter((name) => !query.get(name));
  if (missing.length > 0) throw new SignatureError('IncompleteSignatureException', `Query-string authentication requires ${missing.join(', ')}.`);
  const amzDate = query.get('X-Amz-Date')!;
  const signedAt = parseAmzDate(amzDate);
  const expires = Number(query.get('X-Amz-Expires') ?? '900');
  if (!Number.isInteger(expires) || expires < 1 || expires > maxPresignedSeconds) {
    throw new SignatureError('IncompleteSignatureException', `X-Amz-Expires must be a whole number of seconds from 1 to ${maxPresignedSeconds}.`);
  }
  if (now > signedAt + expires * 1000) throw new SignatureError('InvalidSignatureException', `Signature expired: ${amzDate} + ${expires} s is earlier than ${formatAmzDate(now)}.`);
  checkSignatureTime(amzDate, Math.max(signedAt, now), now);
  return {
    algorithm: query.get('X-Amz-Algorithm')!,
    credential: query.get('X-Amz-Credential')!,
    signedHeaders: query.get('X-Amz-SignedHeaders')!.split(';').map((name) => name.trim().toLowerCase()),
    signature: query.get('X-Amz-Signature')!,
    amzDate,
  };
}

function payloadHashOf(body: Buffer, declared: string | undefined, allowUnsigned: boolean): string {
  if (declared === unsignedPayload && allowUnsigned) return unsignedPayload;
  const computed = sha256Hex(body);
  if (declared !== undefined && declared !== computed) {
    throw new SignatureError('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  return computed;
}

/** A presigned URL's signature is not part of what it signs. */
function withoutSignature(url: string): string {
  const queryStart = url.indexOf('?');
  const kept = url
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => !pair.startsWith('X-Amz-Signature='));
  return `${url.slice(0, queryStart)}?${kept.join('&')}`;
}
