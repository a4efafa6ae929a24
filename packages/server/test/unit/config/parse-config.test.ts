import { describe, expect, it } from 'vitest';
import { ConfigError, keyPath, parseConfig } from '../../../src/config/load.js';

const errorOf = (json: unknown) => {
  try {
    parseConfig(json, 'cognate.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('config validation', () => {
  it('accepts the members of CreateUserPool and CreateUserPoolClient', () => {
    const config = {
      UserPools: [
        {
          Id: 'eu-west-1_Pinned1',
          PoolName: 'shop',
          AliasAttributes: ['email', 'preferred_username'],
          Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } },
          Clients: [{ ClientName: 'web', ClientId: 'webclient', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 5 } }],
        },
      ],
    };
    expect(parseConfig(config, 'x')).toEqual(config);
  });

  it('names the key of a misspelt setting', () => {
    expect(errorOf({ UserPools: [{ PoolName: 'a', Clients: [{ ClientName: 'c', ExplictAuthFlows: [] }] }] })).toBe(
      'cognate.config.json: UserPools[0].Clients[0].ExplictAuthFlows: is not a known setting',
    );
  });

  it('names the key and the reason of a bad value', () => {
    expect(errorOf({ UserPools: [{ PoolName: 'a', Clients: [{ ClientName: 'c', ExplicitAuthFlows: ['ALLOW_EVERYTHING'] }] }] })).toMatch(
      /^cognate\.config\.json: UserPools\[0\]\.Clients\[0\]\.ExplicitAuthFlows\[0\]: Invalid option/,
    );
    expect(errorOf({ UserPools: [{ PoolName: 'a', Id: 'no-underscore' }] })).toBe(
      'cognate.config.json: UserPools[0].Id: must look like <region>_<letters and digits>',
    );
  });

  it('takes hook URLs and Lambda ARNs in LambdaConfig, and names the trigger of a URL it refuses', () => {
    const LambdaConfig = { DefineAuthChallenge: 'https://hooks.example.com/define', CreateAuthChallenge: 'http://127.0.0.1:3000/create', PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up' };
    expect(parseConfig({ UserPools: [{ PoolName: 'a', LambdaConfig }] }, 'x')).toEqual({ UserPools: [{ PoolName: 'a', LambdaConfig }] });
    expect(errorOf({ UserPools: [{ PoolName: 'a', LambdaConfig: { VerifyAuthChallengeResponse: 'http://hooks.example.com/verify' } }] })).toBe(
      'cognate.config.json: UserPools[0].LambdaConfig.VerifyAuthChallengeResponse: must be a Lambda function ARN or a URL: must be an https:// URL (http:// only on loopback)',
    );
    expect(errorOf({ UserPools: [{ PoolName: 'a', LambdaConfig: { PreSignup: 'https://hooks.example.com/pre' } }] })).toBe('cognate.config.json: UserPools[0].LambdaConfig.PreSignup: is not a known setting');
  });

  it('takes IAM roles with inline policies, as JSON or as text, and names the key of a bad one', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*' }] };
    const role = { RoleArn: 'arn:aws:iam::123456789012:role/app/guest', Policies: [{ PolicyName: 'read', PolicyDocument: JSON.stringify(document) }] };
    expect(parseConfig({ Roles: [role] }, 'x').Roles?.[0]?.Policies[0]?.PolicyDocument).toEqual(document);
    expect(errorOf({ Roles: [{ ...role, RoleArn: 'arn:aws:iam::123:user/bob' }] })).toBe(
      'cognate.config.json: Roles[0].RoleArn: must be an IAM role ARN such as arn:aws:iam::000000000000:role/name',
    );
    expect(errorOf({ Roles: [{ ...role, Policies: [{ PolicyName: 'read', PolicyDocument: { Statement: [{ Effect: 'Maybe' }] } }] }] })).toMatch(
      /^cognate\.config\.json: Roles\[0\]\.Policies\[0\]\.PolicyDocument\.Statement/,
    );
    expect(errorOf({ Roles: [{ ...role, Policies: [role.Policies[0], role.Policies[0]] }] })).toBe('cognate.config.json: Roles[0].Policies[1].PolicyName: is listed twice');
  });

  it('writes key paths as a reader would type them', () => {
    expect(keyPath(['UserPools', 2, 'Clients', 0, 'ClientName'])).toBe('UserPools[2].Clients[0].ClientName');
  });
});
