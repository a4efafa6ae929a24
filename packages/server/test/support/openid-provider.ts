// A tiny OpenID Connect provider on loopback, with its own signing key: discovery, JWKS, and ID
// tokens for whatever claims a test needs. It may stand in for a public provider (Google, Apple):
// its tokens then claim that provider's issuer while the keys are served from loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A tiny OpenID Connect provider on loopback: discovery, JWKS, and ID tokens signed with its own key. */
export interface OpenIdProvider {
  issuer: string;
  /** The Logins key of its tokens: the issuer without its scheme. */
  key: string;
  /** `issuer` overrides the `iss` the token claims (by default the provider's tokenIssuer). */
  idToken(claims: JWTPayload, options?: { nowMs?: number; key?: CryptoKey; issuer?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface OpenIdProviderOptions {
  /** The client id its tokens carry unless a test says otherwise; `oidc-app` by default. */
  audience?: string;
  /** The issuer its tokens and discovery document claim (e.g. `https://accounts.google.com`); its own loopback URL by default. */
  tokenIssuer?: string;
}

/** A string argument is the audience, as before the options existed. */
export async function startOpenIdProvider(options: string | OpenIdProviderOptions = {}): Promise<OpenIdProvider> {
  const { audience = 'oidc-app', tokenIssuer } = typeof options === 'string' ? { audience: options } : options;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'provider-key', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const documents: Record<string, unknown> = { '/.well-known/openid-configuration': { issuer: tokenIssuer ?? issuer, jwks_uri: `${issuer}/keys` }, '/keys': { keys: [jwk] } };
    const document = documents[request.url ?? ''];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(document ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    key: issuer.replace('http://', ''),
    idToken: (claims, options = {}) => {
      const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
      return new SignJWT({ aud: audience, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'provider-key' })
        .setIssuer(options.issuer ?? tokenIssuer ?? issuer)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
