/** Host and path of a URL: how Logins keys and IAM's OpenID Connect provider ARNs name an issuer. */
export const withoutScheme = (url: string): string => url.replace(/^\w+:\/\//, '').replace(/\/+$/, '');

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why an issuer or JWKS URL is refused: https only, except on loopback (a provider under test). */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && (loopbackHosts.has(url.hostname) || url.hostname.startsWith('127.'))) return undefined;
  return 'must be an https:// URL (http:// only on loopback)';
}
