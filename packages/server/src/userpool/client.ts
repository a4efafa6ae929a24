/** An app client's settings, in the members of Cognito's UserPoolClientType (secret kept apart). */
export type ExplicitAuthFlow =
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_AUTH'
  | 'ADMIN_NO_SRP_AUTH'
  | 'CUSTOM_AUTH_FLOW_ONLY'
  | 'USER_PASSWORD_AUTH';

export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export interface UserPoolClientSettings {
  ClientId: string;
  UserPoolId: string;
  ClientName: string;
  ExplicitAuthFlows: ExplicitAuthFlow[];
  AccessTokenValidity: number;
  IdTokenValidity: number;
  RefreshTokenValidity: number;
  TokenValidityUnits: { AccessToken: TimeUnit; IdToken: TimeUnit; RefreshToken: TimeUnit };
  /** Minutes a sign-in session lives between challenges (3 to 15). */
  AuthSessionValidity: number;
  PreventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  EnableTokenRevocation: boolean;
  EnablePropagateAdditionalUserContextData?: boolean;
  RefreshTokenRotation?: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number };
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  DefaultRedirectURI?: string;
  AllowedOAuthFlows?: string[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient?: boolean;
  SupportedIdentityProviders?: string[];
}

export interface UserPoolClient extends UserPoolClientSettings {
  /** Present for confidential clients: requests must then prove it (SECRET_HASH or ClientSecret). */
  ClientSecret?: string;
}

const unitSeconds: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export const tokenLifetimesSeconds = (client: UserPoolClientSettings) => ({
  access: client.AccessTokenValidity * unitSeconds[client.TokenValidityUnits.AccessToken],
  id: client.IdTokenValidity * unitSeconds[client.TokenValidityUnits.IdToken],
  refresh: client.RefreshTokenValidity * unitSeconds[client.TokenValidityUnits.RefreshToken],
});

/** ALLOW_* names and their legacy spellings both grant a flow, as in Cognito. */
export function clientAllowsFlow(client: UserPoolClientSettings, flow: string): boolean {
  const flows = new Set<string>(client.ExplicitAuthFlows);
  switch (flow) {
    case 'USER_SRP_AUTH':
      return flows.has('ALLOW_USER_SRP_AUTH');
    case 'USER_PASSWORD_AUTH':
      return flows.has('ALLOW_USER_PASSWORD_AUTH') || flows.has('USER_PASSWORD_AUTH');
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return flows.has('ALLOW_REFRESH_TOKEN_AUTH');
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return flows.has('ALLOW_ADMIN_USER_PASSWORD_AUTH') || flows.has('ADMIN_NO_SRP_AUTH');
    case 'CUSTOM_AUTH':
      return flows.has('ALLOW_CUSTOM_AUTH') || flows.has('CUSTOM_AUTH_FLOW_ONLY');
    case 'USER_AUTH':
      return flows.has('ALLOW_USER_AUTH');
    default:
      return false;
  }
}
