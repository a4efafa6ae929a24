// How sigv4Middleware finds the raw body it must hash, and what it does when it cannot: with a
// stand-in for Cognate's /sigv4/verify, so only the middleware's own behaviour is under test.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sigv4Middleware, verifyPath } from '../src/index.js';

const now = Date.UTC(2026, 0, 2, 3, 4, 5);
const credentials = { accessKeyId: 'ASIAEXAMPLE1234567890', secretAccessKey: 'secret', sessionToken: 'cognate1.session' };
const body = '{"photo":"beach.jpg"}';

/** Answers every check as Cognate would for a good signature, and keeps what it was asked. */
function standInCognate(status = 200) {
  const asked: Record<string, string>[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    expect(url).toBe(`http://cognate.test${verifyPath}`);
    asked.push(JSON.parse(String(init.body)) as Record<string, string>);
    const answer = status === 200
      ? { IdentityId: 'us-east-1:abc', IdentityPoolId: 'us-east-1:pool', Authenticated: false, Amr: ['unauthenticated'], RoleArn: 'r', AssumedRoleArn: 'a', UserId: 'u', Account: '1', Expiration: 1, Policies: [] }
      : { oops: true };
    return new Response(JSON.stringify(answer), { status });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

/** `parsedBody`: what a body parser left after reading the whole stream. */
async function signedRequest(parsedBody?: unknown): Promise<IncomingMessage> {
  const signer = new SignatureV4({ service: 'photos', region: 'eu-west-1', credentials, sha256: Sha256 });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: 'photos.test', path: '/upload', headers: { host: 'photos.test' }, body }, { signingDate: new Date(now) });
  const request = Object.assign(Readable.from([Buffer.from(body)]), { method: 'POST', url: '/upload', rawHeaders: Object.entries(signed.headers).flat() });
  if (parsedBody !== undefined) {
    await request.toArray();
    Object.assign(request, { body: parsedBody });
  }
  return request as unknown as IncomingMessage;
}

function run(middleware: ReturnType<typeof sigv4Middleware>, request: IncomingMessage) {
  return new Promise<{ error?: unknown; status?: number; sent?: string }>((resolve) => {
    const response = {
      writeHead: (status: number) => ({ end: (sent: string) => resolve({ status, sent }) }),
    } as unknown as ServerResponse;
    middleware(request, response, (error?: unknown) => resolve({ error }));
  });
}

describe('sigv4Middleware', () => {
  const options = (fetch: typeof globalThis.fetch) => ({ endpoint: 'http://cognate.test/', service: 'photos', now: () => now, fetch });

  it('reads the body from the stream, keeps it as rawBody and sets the caller', async () => {
    const cognate = standInCognate();
    const request = await signedRequest();
    expect(await run(sigv4Middleware(options(cognate.fetch)), request)).toEqual({ error: undefined });
    expect((request as { rawBody?: Buffer }).rawBody?.toString()).toBe(body);
    expect((request as { caller?: { identityId: string } }).caller?.identityId).toBe('us-east-1:abc');
    expect(cognate.asked[0]).toMatchObject({ AccessKeyId: credentials.accessKeyId, SessionToken: credentials.sessionToken, Signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("uses the Buffer express.raw() left, and refuses to guess when a parser has consumed the body", async () => {
    const cognate = standInCognate();
    const raw = await signedRequest(Buffer.from(body));
    expect(await run(sigv4Middleware(options(cognate.fetch)), raw)).toEqual({ error: undefined });
    const parsed = await signedRequest(JSON.parse(body) as unknown);
    const { error } = await run(sigv4Middleware(options(cognate.fetch)), parsed);
    expect(String(error)).toContain('needs the raw body');
    expect(cognate.asked).toHaveLength(1);
  });

  it('answers 503 when Cognate cannot be asked, and refuses bodies over the limit before asking', async () => {
    const failing = standInCognate(502);
    expect(await run(sigv4Middleware(options(failing.fetch)), await signedRequest())).toMatchObject({ status: 503, sent: expect.stringContaining('ServiceUnavailable') });
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    expect(await run(sigv4Middleware(options(unreachable)), await signedRequest())).toMatchObject({ status: 503, sent: expect.stringContaining('fetch failed') });
    const quiet = standInCognate();
    expect(await run(sigv4Middleware({ ...options(quiet.fetch), maxBodyBytes: 4 }), await signedRequest())).toMatchObject({ status: 400, sent: expect.stringContaining('larger than 4 bytes') });
    expect(quiet.asked).toHaveLength(0);
  });
});
