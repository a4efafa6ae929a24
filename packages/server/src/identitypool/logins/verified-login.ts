import type { JWTPayload } from 'jose';

/** A login whose token checked out: the user it names at a provider the pool trusts. */
export interface VerifiedLogin {
  /** The Logins key the client sent. */
  key: string;
  /** The provider's canonical name, as identities record it. */
  provider: string;
  subject: string;
  claims: JWTPayload;
  /** The names a RoleMappings entry for this login may carry. */
  mappingNames: string[];
}

/** One of our own OpenID tokens given back as a login: it proves the identity it was issued to. */
export interface IdentityProof {
  key: string;
  identityId: string;
  authenticated: boolean;
}

export interface VerifiedLogins {
  linked: VerifiedLogin[];
  proofs: IdentityProof[];
}

export const isAuthenticated = (logins: VerifiedLogins): boolean => logins.linked.length > 0 || logins.proofs.some((proof) => proof.authenticated);
