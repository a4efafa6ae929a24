import { checkSignatureTime, parseAmzDate, signingAlgorithm, type CredentialScope } from '@cognate/sigv4';
import { epochSeconds } from '../clock.js';
import { fillPolicyVariables, type PolicyVariables } from '../identitypool/policy-variables.js';
import type { Context } from '../userpool/context.js';
import { stsFail } from './errors.js';
import { assumedRole } from './roles.js';
import { checkVendedSignature } from './verify-signature.js';

/** What a service sends to have a signature checked: the string it computed, never the secret. */
export interface SignatureClaim {
  AccessKeyId: string;
  SessionToken: string;
  StringToSign: string;
  Signature: string;
}

/**
 * Checks a signature a service received against the credentials Cognate vended, and answers who
 * signed: the identity, its role session and the role's policies with the caller's variables filled in.
 * The service has checked the request's time against its own clock; the server still refuses a string
 * to sign dated in the future, and credentials that have expired.
 */
export async function verifyCaller(context: Context, claim: SignatureClaim) {
  const scope = scopeOf(claim, context.clock.now());
  const credentials = await checkVendedSignature(context, { scope, sessionToken: claim.SessionToken, stringToSign: claim.StringToSign, signature: claim.Signature });
  const role = assumedRole(credentials.roleArn, credentials.sessionName) ?? stsFail('InternalFailure', 'The role of these credentials is not a valid role ARN.');
  const variables: PolicyVariables = {
    'cognito-identity.amazonaws.com:sub': credentials.identityId,
    'cognito-identity.amazonaws.com:aud': credentials.poolId,
    'aws:userid': role.assumedRoleId,
    'aws:PrincipalType': 'AssumedRole',
    'aws:PrincipalAccount': role.account,
    'aws:PrincipalArn': credentials.roleArn,
    'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
    'aws:RequestedRegion': scope.region,
  };
  const policies = await context.identity.rolePolicies.of(credentials.roleArn);
  return {
    IdentityId: credentials.identityId,
    IdentityPoolId: credentials.poolId,
    Authenticated: credentials.amr.includes('authenticated'),
    Amr: credentials.amr,
    RoleArn: credentials.roleArn,
    AssumedRoleArn: role.arn,
    UserId: role.assumedRoleId,
    Account: role.account,
    Expiration: epochSeconds(credentials.expiresAt),
    Policies: policies.map((policy) => ({ PolicyName: policy.PolicyName, PolicyDocument: fillPolicyVariables(policy.PolicyDocument, variables) })),
  };
}

/** `AWS4-HMAC-SHA256 \n <date> \n <day>/<region>/<service>/aws4_request \n <hash>`, well-formed and not from the future. */
function scopeOf(claim: SignatureClaim, now: number): CredentialScope {
  const lines = claim.StringToSign.split('\n');
  const [algorithm, amzDate, scope, hash] = lines;
  const scopeParts = scope?.split('/') ?? [];
  if (lines.length !== 4 || algorithm !== signingAlgorithm || !/^[0-9a-f]{64}$/.test(hash ?? '') || scopeParts.length !== 4 || scopeParts[3] !== 'aws4_request') {
    return stsFail('IncompleteSignature', 'StringToSign must be the four lines of an AWS4-HMAC-SHA256 string to sign.');
  }
  let signedAt: number;
  try {
    signedAt = parseAmzDate(amzDate!);
    checkSignatureTime(amzDate!, Math.max(signedAt, now), now);
  } catch (error) {
    return stsFail('SignatureDoesNotMatch', (error as Error).message);
  }
  const [date, region, service] = scopeParts as [string, string, string];
  if (date !== amzDate!.slice(0, 8)) return stsFail('SignatureDoesNotMatch', `Date in Credential scope does not match YYYYMMDD of '${amzDate}'.`);
  return { accessKeyId: claim.AccessKeyId, date, region, service, scope: scope! };
}
