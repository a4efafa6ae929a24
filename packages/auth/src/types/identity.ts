// Identity pools and federation, shaped as Amplify v5's Auth.federatedSignIn and Credentials had them.

/** Amplify v5's provider names, or an OpenID Connect provider's domain (`accounts.example.com`). */
export type FederatedProvider = 'google' | 'facebook' | 'amazon' | 'developer' | (string & NonNullable<unknown>);

/** What the provider handed the app (v5's `FederatedResponse`). */
export interface FederatedResponse {
  token: string;
  /** The identity to use, when the app knows it (a developer provider's GetOpenIdTokenForDeveloperIdentity answers it). */
  identity_id?: string;
  /** When the token expires, in ms since the epoch; a value under 10^12 is read as seconds (a JWT's `exp`). */
  expires_at: number;
}

/** The app's own description of the user (v5's `FederatedUser`): kept and handed back, never sent. */
export interface FederatedUser {
  name?: string;
  email?: string;
  [attribute: string]: unknown;
}

/** The federated sign-in, kept in the cache under `federatedInfo` until signOut. */
export interface FederatedInfo {
  provider: FederatedProvider;
  token: string;
  /** The app's user, with `id`: the identity id. */
  user: FederatedUser & { id: string };
  /** In ms since the epoch. */
  expires_at: number;
  identity_id: string;
}

/** currentAuthenticatedUser() of a federated user (v5): the app's user with its identity id and token. */
export type FederatedAuthenticatedUser = FederatedUser & { id: string; token: string };

/** Gets the provider a new token when the stored one expires (v5's `refreshHandlers`). */
export type RefreshHandler = () => Promise<{ token: string; expires_at: number; identity_id?: string }>;

/** Refresh handlers by provider, as `federatedSignIn` names it: `{ developer: async () => ({ token, expires_at }) }`. */
export type RefreshHandlers = Record<string, RefreshHandler>;

/** Credentials and whose they are, as Amplify v5's `ICredentials` (currentCredentials). */
export interface ICredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  identityId: string;
  /** False for a guest's (unauthenticated role) credentials. */
  authenticated: boolean;
}

/** What essentialCredentials keeps: what an AWS SDK client takes as `credentials`. */
export type EssentialCredentials = Omit<ICredentials, 'expiration'>;
