import { createHash, createHmac } from 'node:crypto';

/** The parts of a received request that its signature covers. */
export interface RequestToVerify {
  method: string;
  /** The path and query exactly as received, still percent-encoded. */
  url: string;
  /** Node's raw header list: name, value, name, value, … */
  rawHeaders: readonly string[];
  body: Buffer;
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** Every header by lower-case name; repeated headers are joined with commas, as SigV4 canonicalises them. */
export function headerValues(rawHeaders: readonly string[]): Map<string, string> {
  const values = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!.trim().replace(/\s+/g, ' ');
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return new Map([...values].map(([name, list]) => [name, list.join(',')]));
}

/** RFC 3986 encoding of everything but the unreserved characters, as SigV4 requires. */
export const uriEncode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The path as the signer saw it: empty and `.` segments dropped, `..` applied, then each segment
 * encoded once more. The received path is already encoded, so `%20` becomes `%2520` as in the SDK.
 */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(uriEncode(segment));
  }
  const trailingSlash = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailingSlash}`;
}

/** Name/value pairs decoded, encoded the SigV4 way and sorted by name, then value. */
export function canonicalQuery(query: string): string {
  const pairs = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const [name, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
      return [uriEncode(decode(name)), uriEncode(decode(value))] as const;
    });
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface CanonicalRequestParts {
  method: string;
  /** The path and query as received. */
  url: string;
  /** From headerValues(). */
  headers: ReadonlyMap<string, string>;
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function canonicalRequest({ method, url, headers, signedHeaders, payloadHash }: CanonicalRequestParts): string {
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
  const headerLines = signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  return [method, canonicalUri(path), canonicalQuery(query), headerLines, signedHeaders.join(';'), payloadHash].join('\n');
}

export const stringToSign = (amzDate: string, credentialScope: string, canonical: string): string =>
  ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256Hex(canonical)].join('\n');

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
}

export const signatureOf = (key: Buffer, toSign: string): string => createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
