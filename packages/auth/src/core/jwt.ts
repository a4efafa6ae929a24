export interface JwtPayload {
  exp?: number;
  iat?: number;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  scope?: string;
  jti?: string;
  [claim: string]: unknown;
}

/** A token and its decoded payload, as Amplify's `JWT`: `toString()` gives the token back. */
export interface JWT {
  payload: JwtPayload;
  toString(): string;
}

/** Decodes a JWT's payload without verifying it: the client only reads claims (reference §4.1). */
export function decodeJWT(token: string): JWT {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('Invalid token');
  try {
    const binary = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as JwtPayload;
    return { payload, toString: () => token };
  } catch {
    throw new Error('Invalid token payload');
  }
}
