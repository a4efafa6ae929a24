import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalRequest, canonicalUri, headerValues, sha256Hex, signatureOf, signingKey, stringToSign } from '../src/canonical.js';

// The AWS SigV4 test suite's `get-vanilla` case and the documentation's example key.
const exampleSecret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('SigV4 canonical request and signature', () => {
  it('reproduces the AWS test suite get-vanilla vector', () => {
    const headers = headerValues(['Host', 'example.amazonaws.com', 'X-Amz-Date', '20150830T123600Z']);
    const canonical = canonicalRequest({ method: 'GET', url: '/', headers, signedHeaders: ['host', 'x-amz-date'], payloadHash: sha256Hex('') });
    expect(canonical).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const toSign = stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', canonical);
    expect(toSign).toBe('AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63');
    expect(signatureOf(signingKey(exampleSecret, '20150830', 'us-east-1', 'service'), toSign)).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('derives the documentation example signing key', () => {
    expect(signingKey(exampleSecret, '20120215', 'us-east-1', 'iam').toString('hex')).toBe('f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });

  it('normalises the received path and encodes each segment once more, as the SDK signs it', () => {
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalUri('/prefix/')).toBe('/prefix/');
    expect(canonicalUri('//a/./b/../c//')).toBe('/a/c/');
    expect(canonicalUri('/my%20path/caf%C3%A9')).toBe('/my%2520path/caf%25C3%25A9');
    expect(canonicalUri("/it's(*)!~-_.")).toBe('/it%27s%28%2A%29%21~-_.');
  });

  it('sorts and encodes the query by name, then value', () => {
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('b=2&a=x%20y&a=1&flag')).toBe('a=1&a=x%20y&b=2&flag=');
    expect(canonicalQuery('a-b=1&a=2')).toBe('a=2&a-b=1');
  });

  it('lower-cases header names, trims and collapses values and joins repeated headers with commas', () => {
    const headers = headerValues(['X-Custom', '  a   b  ', 'x-custom', 'c', 'Host', 'h:1']);
    expect(headers.get('x-custom')).toBe('a b,c');
    expect(headers.get('host')).toBe('h:1');
  });
});
