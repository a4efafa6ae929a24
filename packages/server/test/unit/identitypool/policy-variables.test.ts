import { describe, expect, it } from 'vitest';
import { fillPolicyVariables } from '../../../src/identitypool/policy-variables.js';

const variables = { 'cognito-identity.amazonaws.com:sub': 'us-east-1:abc', 'aws:userid': 'AROAEXAMPLE:CognitoIdentityCredentials' };

describe('fillPolicyVariables', () => {
  it('fills Resource, NotResource and Condition values, and leaves Action and condition keys alone', () => {
    const filled = fillPolicyVariables(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:${cognito-identity.amazonaws.com:sub}',
            Resource: ['arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*', 'arn:aws:s3:::bucket/shared'],
            NotResource: 'arn:aws:s3:::bucket/${aws:userid}',
            Condition: { StringLike: { 's3:prefix': ['${cognito-identity.amazonaws.com:sub}/*'] } },
          },
        ],
      },
      variables,
    );
    expect(filled.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:${cognito-identity.amazonaws.com:sub}',
        Resource: ['arn:aws:s3:::bucket/us-east-1:abc/*', 'arn:aws:s3:::bucket/shared'],
        NotResource: 'arn:aws:s3:::bucket/AROAEXAMPLE:CognitoIdentityCredentials',
        Condition: { StringLike: { 's3:prefix': ['us-east-1:abc/*'] } },
      },
    ]);
  });

  it("uses a variable's default when the caller has no value, keeps unknown ones, and unescapes ${*} ${?} ${$}", () => {
    const { Statement } = fillPolicyVariables(
      { Version: '2012-10-17', Statement: { Effect: 'Allow', Resource: ["a/${aws:username, 'nobody'}/${aws:SourceIp}/${*}${?}${$}"] } },
      variables,
    );
    expect(Statement).toEqual({ Effect: 'Allow', Resource: ['a/nobody/${aws:SourceIp}/*?$'] });
  });

  it('takes ${…} literally under the 2008-10-17 policy language, as IAM does', () => {
    const document = { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Resource: '${cognito-identity.amazonaws.com:sub}' }] };
    expect(fillPolicyVariables(document, variables)).toEqual(document);
  });
});
