import { stsFail } from './errors.js';
import type { StsOperation } from './operation.js';
import { assumedRole } from './roles.js';

/** Header naming the Cognito identity behind the caller's credentials: STS's answer has no member for it. */
export const identityIdHeader = 'x-cognate-identity-id';

/** Who signed: the role session of the vended credentials, and (in a header) their identity. */
export const getCallerIdentity: StsOperation = {
  signed: true,
  async handle(_context, { caller }) {
    const role = assumedRole(caller!.roleArn, caller!.sessionName) ?? stsFail('InternalFailure', 'The role of these credentials is not a valid role ARN.');
    return {
      result: { Arn: role.arn, UserId: role.assumedRoleId, Account: role.account },
      headers: { [identityIdHeader]: caller!.identityId },
    };
  },
};
