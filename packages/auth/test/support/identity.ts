// A Cognate server with identity pools for the library's tests: one pool that lets guests in and
// trusts the library's user pool, a loopback OpenID Connect provider and a developer provider, and
// one pool for members only; Google is a loopback stand-in claiming Google's issuer. Credentials are
// checked the way AWS would: by STS GetCallerIdentity.
import { CognitoIdentityClient, GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ConfigFile } from '../../../server/src/config/schema.js';
import { defaultLoginProviders } from '../../../server/src/config/settings.js';
import { startOpenIdProvider, type OpenIdProvider } from '../../../server/test/support/openid-provider.js';
import { testAdminKey } from '../../../server/test/support/server.js';
import { createAuth, createCache, createMemoryStorage, type AuthInstance, type AuthOptions } from '../../src/index.js';
import { newEmail, password, startCognate, testConfig, type Cognate } from './cognate.js';

export const guestPoolId = 'us-east-1:30000000-0000-4000-8000-000000000001';
export const membersPoolId = 'us-east-1:30000000-0000-4000-8000-000000000002';
export const authenticatedRole = 'arn:aws:iam::000000000000:role/auth-lib-authenticated';
export const guestRole = 'arn:aws:iam::000000000000:role/auth-lib-guest';
export const developerProvider = 'login.authlib';
export const googleClientId = 'standin.apps.googleusercontent.com';
export const identityIdPattern = /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const userPoolProvider = { ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AuthLib1', ClientId: 'authlibclient1' };

/** Amplify v6's config for the library's user pool and an identity pool of this server. */
export interface IdentityPoolConfig {
  Auth: {
    Cognito: { userPoolId: string; userPoolClientId: string; userPoolEndpoint: string; identityPoolId: string; identityPoolEndpoint: string; allowGuestAccess: boolean };
  };
}

export interface IdentityCognate extends Cognate {
  provider: OpenIdProvider;
  /** Tokens as Google's, verified by the server against this stand-in's keys. */
  google: OpenIdProvider;
  /**
   * An instance on the library's user pool and `identityPoolId`, with its own memory storage and
   * cache, on the test clock. `allowGuestAccess` is Amplify's config member.
   */
  identityAuth(options?: AuthOptions & { identityPoolId?: string; allowGuestAccess?: boolean }): AuthInstance;
  /** Amplify v6's config for that instance. */
  identityConfig(identityPoolId?: string, allowGuestAccess?: boolean): IdentityPoolConfig;
  /** Signs up, confirms and signs in a new user on `auth`. */
  signedIn(auth: AuthInstance): Promise<{ email: string; sub: string }>;
  /** A token from GetOpenIdTokenForDeveloperIdentity, as a backend gets it for `user` (signed with the test admin key). */
  developerToken(user: string): Promise<{ IdentityId: string; Token: string }>;
  /** What STS answers GetCallerIdentity signed with these credentials. */
  callerIdentity(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Promise<{ Arn?: string; Account?: string }>;
}

/** `clockStartMs`: where the server's clock starts (aws-amplify needs the real time). */
export async function startIdentityCognate({ clockStartMs }: { clockStartMs?: number } = {}): Promise<IdentityCognate> {
  const provider = await startOpenIdProvider();
  const google = await startOpenIdProvider({ audience: googleClientId, tokenIssuer: 'https://accounts.google.com' });
  const config: ConfigFile = {
    ...testConfig,
    OpenIdConnectProviders: [{ Url: provider.issuer, ClientIDList: ['oidc-app'] }],
    IdentityPools: [
      {
        Id: guestPoolId,
        IdentityPoolName: 'auth lib guests and users',
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [userPoolProvider],
        OpenIdConnectProviderARNs: [`arn:aws:iam::000000000000:oidc-provider/${provider.key}`],
        SupportedLoginProviders: { 'accounts.google.com': googleClientId },
        DeveloperProviderName: developerProvider,
        Roles: { authenticated: authenticatedRole, unauthenticated: guestRole },
      },
      {
        Id: membersPoolId,
        IdentityPoolName: 'auth lib members only',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [userPoolProvider],
        Roles: { authenticated: authenticatedRole },
      },
    ],
  };
  const cognate = await startCognate('sqlite', { config, loginProviders: { ...defaultLoginProviders, googleIssuerUrl: google.issuer }, ...(clockStartMs ? { clockStartMs } : {}) });
  const { server, clock } = cognate;
  /** Signed at the server's time: the test clock is not the wall clock. */
  const awsClientOptions = () => ({ region: 'us-east-1', maxAttempts: 1, systemClockOffset: clock.now() - Date.now() });

  const identityConfig = (identityPoolId = guestPoolId, allowGuestAccess = true): IdentityPoolConfig => {
    const base = cognate.configFor();
    return { Auth: { Cognito: { ...base.Auth.Cognito, identityPoolId, identityPoolEndpoint: `${server.url}/identity`, allowGuestAccess } } };
  };
  return {
    ...cognate,
    provider,
    google,
    identityConfig,
    identityAuth: ({ identityPoolId, allowGuestAccess, ...options } = {}) => {
      const storage = options.storage ?? createMemoryStorage();
      return createAuth(identityConfig(identityPoolId, allowGuestAccess), {
        storage,
        cache: createCache({ storage: createMemoryStorage() }),
        now: () => clock.now(),
        ...options,
      });
    },
    async signedIn(auth) {
      const email = newEmail();
      const { userId } = await auth.signUp({ username: email, password, options: { userAttributes: { email } } });
      await auth.confirmSignUp({ username: email, confirmationCode: await cognate.emailCode(email) });
      await auth.signIn({ username: email, password });
      return { email, sub: userId! };
    },
    async developerToken(user) {
      const client = new CognitoIdentityClient({
        ...awsClientOptions(),
        endpoint: `${server.url}/identity`,
        credentials: { accessKeyId: testAdminKey.AccessKeyId, secretAccessKey: testAdminKey.SecretAccessKey },
      });
      const { IdentityId, Token } = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: guestPoolId, Logins: { [developerProvider]: user } }));
      return { IdentityId: IdentityId!, Token: Token! };
    },
    callerIdentity: (credentials) => new STSClient({ ...awsClientOptions(), endpoint: `${server.url}/sts`, credentials }).send(new GetCallerIdentityCommand({})),
    async close() {
      await cognate.close();
      await Promise.all([provider.close(), google.close()]);
    },
  };
}

/** The ARN STS names for a role's session from an identity pool. */
export const assumedRoleArn = (roleArn: string) => roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/CognitoIdentityCredentials';
