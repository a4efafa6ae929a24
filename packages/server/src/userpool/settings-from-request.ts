import type { ClientConfig, PoolConfig } from '../config/schema.js';
import { tokenLifetimesSeconds, type UserPoolClientSettings } from './client.js';
import { defaultPasswordPolicy, type FirstAuthFactor, type UserPoolSettings } from './pool.js';

/** A setting that is well-typed but not acceptable; `path` names the member. */
export class InvalidSettingError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Fills Cognito's defaults into a CreateUserPool-shaped request. */
export function poolSettingsFromRequest(request: Omit<PoolConfig, 'Clients'>, id: string): UserPoolSettings {
  if (request.UsernameAttributes?.length && request.AliasAttributes?.length) {
    throw new InvalidSettingError('AliasAttributes', 'cannot be set together with UsernameAttributes');
  }
  const { PoolName, Policies, Schema, Id: _pinned, ...rest } = request;
  return {
    ...rest,
    Id: id,
    Name: PoolName,
    Policies: {
      PasswordPolicy: { ...defaultPasswordPolicy, ...Policies?.PasswordPolicy },
      ...(Policies?.SignInPolicy ? { SignInPolicy: { AllowedFirstAuthFactors: firstAuthFactorsOf(Policies.SignInPolicy.AllowedFirstAuthFactors) } } : {}),
    },
    UsernameConfiguration: request.UsernameConfiguration ?? { CaseSensitive: false },
    SchemaAttributes: Schema ?? [],
    MfaConfiguration: request.MfaConfiguration ?? 'OFF',
    AccountRecoverySetting: request.AccountRecoverySetting ?? {
      RecoveryMechanisms: [
        { Name: 'verified_email', Priority: 1 },
        { Name: 'verified_phone_number', Priority: 2 },
      ],
    },
  };
}

/**
 * SignInPolicy.AllowedFirstAuthFactors as Cognito accepts it: PASSWORD must be among them, and
 * SOFTWARE_TOKEN, though in the API's enum, is not a first factor (SignInPolicyType).
 */
function firstAuthFactorsOf(factors: string[]): FirstAuthFactor[] {
  const path = 'Policies.SignInPolicy.AllowedFirstAuthFactors';
  if (!factors.includes('PASSWORD')) throw new InvalidSettingError(path, 'must include PASSWORD');
  if (factors.includes('SOFTWARE_TOKEN')) throw new InvalidSettingError(path, 'SOFTWARE_TOKEN is not supported as a first authentication factor');
  return [...new Set(factors)] as FirstAuthFactor[];
}

const minute = 60;
const day = 86_400;

/** Fills Cognito's defaults into a CreateUserPoolClient-shaped request and checks token lifetimes. */
export function clientSettingsFromRequest(
  request: Omit<ClientConfig, 'ClientId' | 'ClientSecret' | 'GenerateSecret'>,
  poolId: string,
  clientId: string,
): UserPoolClientSettings {
  const settings: UserPoolClientSettings = {
    ...request,
    ClientId: clientId,
    UserPoolId: poolId,
    ExplicitAuthFlows: request.ExplicitAuthFlows ?? ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'],
    AccessTokenValidity: request.AccessTokenValidity ?? 1,
    IdTokenValidity: request.IdTokenValidity ?? 1,
    RefreshTokenValidity: request.RefreshTokenValidity ?? 30,
    TokenValidityUnits: {
      AccessToken: request.TokenValidityUnits?.AccessToken ?? 'hours',
      IdToken: request.TokenValidityUnits?.IdToken ?? 'hours',
      RefreshToken: request.TokenValidityUnits?.RefreshToken ?? 'days',
    },
    AuthSessionValidity: request.AuthSessionValidity ?? 3,
    PreventUserExistenceErrors: request.PreventUserExistenceErrors ?? 'ENABLED',
    EnableTokenRevocation: request.EnableTokenRevocation ?? true,
  };
  const lifetimes = tokenLifetimesSeconds(settings);
  if (lifetimes.access < 5 * minute || lifetimes.access > day) {
    throw new InvalidSettingError('AccessTokenValidity', 'must be between 5 minutes and 1 day');
  }
  if (lifetimes.id < 5 * minute || lifetimes.id > day) {
    throw new InvalidSettingError('IdTokenValidity', 'must be between 5 minutes and 1 day');
  }
  if (lifetimes.refresh < 60 * minute || lifetimes.refresh > 3650 * day) {
    throw new InvalidSettingError('RefreshTokenValidity', 'must be between 60 minutes and 10 years');
  }
  return settings;
}
