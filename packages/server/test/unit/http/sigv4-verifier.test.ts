import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { CognitoError } from '../../../src/errors.js';
import type { RequestToVerify } from '@cognate/sigv4';
import { createSigV4Verifier } from '../../../src/http/sigv4/verifier.js';

const now = Date.UTC(2024, 0, 2, 3, 4, 5);
const adminKey = { AccessKeyId: 'AKIDTEST', SecretAccessKey: 'test-secret' };
const verify = createSigV4Verifier({ service: 'cognito-idp', credentials: [adminKey], clock: { now: () => now } });

interface SignOptions {
  body?: string;
  path?: string;
  query?: Record<string, string>;
  secret?: string;
  accessKeyId?: string;
  region?: string;
  service?: string;
  at?: number;
  unsignableHeaders?: Set<string>;
}

/** A request signed by the AWS SDK's own signer, as the server receives it. */
async function signedRequest(options: SignOptions = {}): Promise<RequestToVerify & { headers: Record<string, string> }> {
  const body = options.body ?? '{"MaxResults":10}';
  const signer = new SignatureV4({
    service: options.service ?? 'cognito-idp',
    region: options.region ?? 'eu-west-1',
    credentials: { accessKeyId: options.accessKeyId ?? adminKey.AccessKeyId, secretAccessKey: options.secret ?? adminKey.SecretAccessKey },
    sha256: Sha256,
  });
  const path = options.path ?? '/';
  const query = options.query ?? {};
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 9245,
      path,
      query,
      headers: {
        host: '127.0.0.1:9245',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    } as never,
    { signingDate: new Date(options.at ?? now), ...(options.unsignableHeaders ? { unsignableHeaders: options.unsignableHeaders } : {}) },
  );
  const headers = signed.headers as Record<string, string>;
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  return { method: 'POST', url: `${path}${search ? `?${search}` : ''}`, rawHeaders: Object.entries(headers).flat(), body: Buffer.from(body), headers };
}

const withHeaders = (request: RequestToVerify & { headers: Record<string, string> }, changes: Record<string, string | undefined>): RequestToVerify => {
  const headers: Record<string, string> = { ...request.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...request, rawHeaders: Object.entries(headers).flat() };
};

function refusal(request: RequestToVerify): { type: string; message: string } {
  try {
    verify(request);
  } catch (error) {
    if (error instanceof CognitoError) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected the request to be refused');
}

const mismatch =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

describe('the SigV4 verifier', () => {
  it('accepts what the AWS signer signs, in any region, on any path and with a query', async () => {
    const variants: SignOptions[] = [
      {},
      { region: 'ap-southeast-2' },
      { region: 'us-gov-west-1' },
      { path: '/my%20prefix/./x/' },
      { path: '/some prefix//x' },
      { query: { b: 'two words', a: '1' } },
      { body: '' },
      { at: now - 4 * 60_000 },
      { at: now + 4 * 60_000 },
    ];
    for (const options of variants) {
      const request = await signedRequest(options);
      expect(() => verify(request), JSON.stringify(options)).not.toThrow();
    }
  });

  it('accepts a signature without x-amz-content-sha256, and a header that is not signed', async () => {
    const request = await signedRequest({ unsignableHeaders: new Set(['x-amz-content-sha256']) });
    expect(() => verify(withHeaders(request, { 'x-amz-content-sha256': undefined, 'x-forwarded-for': '10.0.0.1' }))).not.toThrow();
  });

  it('answers a missing or non-SigV4 Authorization with MissingAuthenticationTokenException', async () => {
    const request = await signedRequest();
    expect(refusal(withHeaders(request, { authorization: undefined }))).toEqual({ type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    expect(refusal(withHeaders(request, { authorization: 'Bearer abc' })).type).toBe('MissingAuthenticationTokenException');
  });

  it('answers an unknown access key with UnrecognizedClientException', async () => {
    expect(refusal(await signedRequest({ accessKeyId: 'AKIDOTHER' }))).toEqual({
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('answers a wrong secret, a changed body, a changed signed header and a changed path with InvalidSignatureException', async () => {
    expect(refusal(await signedRequest({ secret: 'wrong-secret' }))).toEqual({ type: 'InvalidSignatureException', message: mismatch });
    const request = await signedRequest();
    expect(refusal({ ...request, body: Buffer.from('{"MaxResults":60}') })).toEqual({
      type: 'InvalidSignatureException',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
    const withoutDeclaredHash = await signedRequest({ unsignableHeaders: new Set(['x-amz-content-sha256']) });
    expect(refusal({ ...withHeaders(withoutDeclaredHash, { 'x-amz-content-sha256': undefined }), body: Buffer.from('{"MaxResults":60}') })).toEqual({
      type: 'InvalidSignatureException',
      message: mismatch,
    });
    expect(refusal(withHeaders(request, { 'x-amz-target': 'AWSCognitoIdentityProviderService.DeleteUserPool' })).message).toBe(mismatch);
    expect(refusal({ ...request, url: '/other' }).message).toBe(mismatch);
    expect(refusal({ ...request, method: 'PUT' }).message).toBe(mismatch);
    const signature = /Signature=([0-9a-f]+)/.exec(request.headers.authorization!)![1]!;
    expect(refusal(withHeaders(request, { authorization: request.headers.authorization!.replace(signature, signature.toUpperCase()) })).message).toBe(mismatch);
  });

  it('answers a signature older or newer than five minutes in AWS words', async () => {
    expect(refusal(await signedRequest({ at: now - 6 * 60_000 }))).toEqual({
      type: 'InvalidSignatureException',
      message: 'Signature expired: 20240102T025805Z is now earlier than 20240102T025905Z (20240102T030405Z - 5 min.)',
    });
    expect(refusal(await signedRequest({ at: now + 6 * 60_000 }))).toEqual({
      type: 'InvalidSignatureException',
      message: 'Signature not yet current: 20240102T031005Z is still later than 20240102T030905Z (20240102T030405Z + 5 min.)',
    });
  });

  it('answers a credential scope for another service, a malformed region or a day that is not the signing day', async () => {
    expect(refusal(await signedRequest({ service: 'cognito-identity' }))).toEqual({
      type: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'cognito-idp'.",
    });
    expect(refusal(await signedRequest({ region: 'Mars' }))).toEqual({ type: 'InvalidSignatureException', message: "Credential should be scoped to a valid region, not 'Mars'." });
    const request = await signedRequest();
    const otherDay = request.headers.authorization!.replace('/20240102/', '/20240101/');
    expect(refusal(withHeaders(request, { authorization: otherDay })).message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240101' != '20240102', from '20240102T030405Z'.",
    );
    const badTerminator = request.headers.authorization!.replace('/aws4_request', '/aws5_request');
    expect(refusal(withHeaders(request, { authorization: badTerminator })).message).toBe("Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
  });

  it('answers a malformed Authorization or date with IncompleteSignatureException', async () => {
    const request = await signedRequest();
    const authorization = request.headers.authorization!;
    expect(refusal(withHeaders(request, { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20240102/eu-west-1/cognito-idp/aws4_request' }))).toEqual({
      type: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIDTEST/20240102/eu-west-1/cognito-idp/aws4_request",
    });
    expect(refusal(withHeaders(request, { 'x-amz-date': undefined })).message).toMatch(/^Authorization header requires existence of a 'X-Amz-Date' header\. Authorization=AWS4-HMAC-SHA256 /);
    expect(refusal(withHeaders(request, { authorization: `${authorization}, Extra` })).message).toMatch(/^'Extra' not a valid key=value pair \(missing equal-sign\)/);
    expect(refusal(withHeaders(request, { 'x-amz-date': '2024-01-02T03:04:05Z' }))).toEqual({
      type: 'IncompleteSignatureException',
      message: "Date must be in ISO-8601 'basic format'. Got '2024-01-02T03:04:05Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
    expect(refusal(withHeaders(request, { 'x-amz-date': '20240132T030405Z' })).type).toBe('IncompleteSignatureException');
    expect(refusal(withHeaders(request, { authorization: authorization.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512') }))).toEqual({
      type: 'IncompleteSignatureException',
      message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ",
    });
    expect(refusal(withHeaders(request, { authorization: authorization.replace('AKIDTEST/', 'AKIDTEST/extra/') }))).toMatchObject({
      type: 'IncompleteSignatureException',
      message: expect.stringMatching(/^Credential must have exactly 5 slash-delimited elements, e\.g\. keyid\/date\/region\/service\/term, got 'AKIDTEST\/extra\//),
    });
  });

  it('requires the host header to be signed', async () => {
    const request = await signedRequest();
    const authorization = request.headers.authorization!.replace('host;', '');
    expect(refusal(withHeaders(request, { authorization }))).toEqual({
      type: 'InvalidSignatureException',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });
});
