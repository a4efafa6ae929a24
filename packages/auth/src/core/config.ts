import { AuthError } from '../errors.js';
import type { AuthFactorType } from '../types.js';

/** Amplify v6's `Auth.Cognito` configuration, with the members this library reads. */
export interface CognitoUserPoolConfig {
  userPoolId: string;
  userPoolClientId: string;
  /** The full URL requests go to, verbatim (reference §1.6); default Amazon's regional endpoint. */
  userPoolEndpoint?: string;
  identityPoolId?: string;
  identityPoolEndpoint?: string;
  allowGuestAccess?: boolean;
  signUpVerificationMethod?: 'code' | 'link';
  passwordless?: {
    emailOtpEnabled?: boolean;
    smsOtpEnabled?: boolean;
    webAuthn?: { relyingPartyId?: string; userVerification?: string };
    preferredChallenge?: Exclude<AuthFactorType, 'PASSWORD' | 'PASSWORD_SRP'>;
  };
  [other: string]: unknown;
}

/** What `configure` and `createAuth` take: Amplify v6's resources config. */
export interface AmplifyAuthConfig {
  Auth: { Cognito: CognitoUserPoolConfig };
}

/** amplify_outputs.json (Gen 2, version 1.x), as Cognate writes it: endpoints in `custom.cognate`. */
export interface AmplifyOutputs {
  version: string;
  auth?: {
    user_pool_id: string;
    user_pool_client_id: string;
    identity_pool_id?: string;
    unauthenticated_identities_enabled?: boolean;
    passwordless?: {
      email_otp_enabled?: boolean;
      sms_otp_enabled?: boolean;
      web_authn?: { relying_party_id?: string; user_verification?: string };
      preferred_challenge?: 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';
    };
    [other: string]: unknown;
  };
  custom?: { cognate?: { user_pool_endpoint?: string; identity_pool_endpoint?: string }; [other: string]: unknown };
  [other: string]: unknown;
}

export type AuthConfigInput = AmplifyAuthConfig | AmplifyOutputs;

/** The configuration resolved once: ids, the endpoint and the SRP pool name. */
export interface ResolvedConfig extends CognitoUserPoolConfig {
  endpoint: string;
  /** The part of the pool id after `_`: the SRP "pool name" (reference §3.3). */
  poolName: string;
}

const authUserPoolException = () =>
  new AuthError({
    name: 'AuthUserPoolException',
    message: 'Auth UserPool not configured.',
    recoverySuggestion: 'Make sure to call configure in your app with userPoolId and userPoolClientId.',
  });

function fromOutputs({ auth, custom }: AmplifyOutputs): CognitoUserPoolConfig {
  if (!auth) throw authUserPoolException();
  const passwordless = auth.passwordless;
  const cognate = custom?.cognate;
  const config: CognitoUserPoolConfig = {
    userPoolId: auth.user_pool_id,
    userPoolClientId: auth.user_pool_client_id,
    userPoolEndpoint: cognate?.user_pool_endpoint,
    identityPoolId: auth.identity_pool_id,
    identityPoolEndpoint: cognate?.identity_pool_endpoint,
    allowGuestAccess: auth.unauthenticated_identities_enabled,
  };
  if (passwordless) {
    config.passwordless = {
      emailOtpEnabled: passwordless.email_otp_enabled,
      smsOtpEnabled: passwordless.sms_otp_enabled,
      webAuthn: passwordless.web_authn && {
        relyingPartyId: passwordless.web_authn.relying_party_id,
        userVerification: passwordless.web_authn.user_verification,
      },
      preferredChallenge: passwordless.preferred_challenge,
    };
  }
  return config;
}

/** Reads amplify_outputs.json or an Amplify v6 config into one shape, checking the ids. */
export function resolveConfig(input: AuthConfigInput): ResolvedConfig {
  const cognito = (input as AmplifyAuthConfig).Auth?.Cognito ?? ('version' in input ? fromOutputs(input as AmplifyOutputs) : undefined);
  if (!cognito?.userPoolId || !cognito.userPoolClientId) throw authUserPoolException();
  const [region, poolName] = cognito.userPoolId.split('_');
  if (!region || poolName === undefined) throw new AuthError({ name: 'InvalidUserPoolId', message: 'Invalid user pool id provided.' });
  return {
    ...cognito,
    endpoint: cognito.userPoolEndpoint ?? `https://cognito-idp.${region}.amazonaws.com/`,
    poolName,
  };
}
