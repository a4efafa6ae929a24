// readSignedRequest and signatureMatches on requests the AWS SDK's own signer made: Authorization
// headers and presigned URLs, and the faults found before any secret is needed.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { readSignedRequest, SignatureError, signatureMatches, type RequestToVerify } from '../src/index.js';

const now = Date.UTC(2026, 0, 2, 3, 4, 5);
const credentials = { accessKeyId: 'ASIAEXAMPLE1234567890', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'cognate1.session' };
const signer = new SignatureV4({ service: 'photos', region: 'eu-west-1', credentials, sha256: Sha256 });
const base = { method: 'GET', protocol: 'http:', hostname: 'photos.example', path: '/albums/summer%20trip', query: { size: 'large' }, headers: { host: 'photos.example' } };

const asReceived = (request: { method: string; path: string; query?: Record<string, unknown>; headers: Record<string, string> }, body = ''): RequestToVerify => {
  const query = new URLSearchParams(request.query as Record<string, string>).toString().replace(/\+/g, '%20');
  return { method: request.method, url: `${request.path}${query ? `?${query}` : ''}`, rawHeaders: Object.entries(request.headers).flat(), body: Buffer.from(body) };
};

function refusal(request: RequestToVerify, at = now): { code: string; message: string } {
  try {
    readSignedRequest(request, { service: 'photos', now: at });
  } catch (error) {
    if (error instanceof SignatureError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('readSignedRequest', () => {
  it('reads an Authorization header the SDK signed, and the signature matches the secret only', async () => {
    const signed = await signer.sign({ ...base }, { signingDate: new Date(now) });
    const read = readSignedRequest(asReceived(signed), { service: 'photos', now });
    expect(read).toMatchObject({ scope: { accessKeyId: credentials.accessKeyId, date: '20260102', region: 'eu-west-1', service: 'photos' }, sessionToken: credentials.sessionToken });
    expect(signatureMatches(read, credentials.secretAccessKey)).toBe(true);
    expect(signatureMatches(read, 'another-secret')).toBe(false);
  });

  it('reads a presigned URL, valid until X-Amz-Expires has passed', async () => {
    const presigned = await signer.presign({ ...base }, { signingDate: new Date(now), expiresIn: 3600 });
    const request = asReceived(presigned);
    const read = readSignedRequest(request, { service: 'photos', now: now + 3599_000 });
    expect(read.sessionToken).toBe(credentials.sessionToken);
    expect(signatureMatches(read, credentials.secretAccessKey)).toBe(true);
    expect(refusal(request, now + 3601_000)).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringContaining('Signature expired') });
    expect(refusal(request, now - 600_000)).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringContaining('Signature not yet current') });
  });

  it('finds a presigned URL whose query was changed no longer matches', async () => {
    const presigned = await signer.presign({ ...base }, { signingDate: new Date(now), expiresIn: 3600 });
    const request = asReceived({ ...presigned, query: { ...presigned.query, size: 'original' } });
    expect(signatureMatches(readSignedRequest(request, { service: 'photos', now }), credentials.secretAccessKey)).toBe(false);
  });

  it('refuses what it can see is wrong without the secret', async () => {
    const signed = await signer.sign({ ...base, method: 'POST', headers: { host: 'photos.example', 'x-amz-content-sha256': 'f'.repeat(64) } }, { signingDate: new Date(now) });
    expect(refusal(asReceived(signed, 'body'))).toMatchObject({ code: 'InvalidSignatureException', message: "The provided 'x-amz-content-sha256' header does not match what was computed." });
    expect(refusal(asReceived(await signer.sign({ ...base }, { signingDate: new Date(now - 600_000) })))).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringContaining('Signature expired') });
    expect(refusal(asReceived({ ...base, headers: { host: 'photos.example' } }))).toEqual({ code: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    expect(refusal({ ...asReceived(base), url: '/?X-Amz-Credential=x' })).toMatchObject({ code: 'IncompleteSignatureException', message: expect.stringContaining('X-Amz-Algorithm') });
  });

  it('takes UNSIGNED-PAYLOAD only when the service allows it', async () => {
    const signed = await signer.sign({ ...base, method: 'PUT', headers: { host: 'photos.example', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, { signingDate: new Date(now) });
    const request = asReceived(signed, 'a large upload');
    expect(refusal(request).code).toBe('InvalidSignatureException');
    const read = readSignedRequest(request, { service: 'photos', now, allowUnsignedPayload: true });
    expect(signatureMatches(read, credentials.secretAccessKey)).toBe(true);
  });
});
