import { createHash } from 'node:crypto';

export interface RoleArn {
  partition: string;
  account: string;
  /** The last path segment: assumed-role ARNs leave the role's path out. */
  name: string;
}

const roleArnPattern = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

export function parseRoleArn(arn: string): RoleArn | undefined {
  const parts = roleArnPattern.exec(arn);
  return parts ? { partition: parts[1]!, account: parts[2]!, name: parts[3]! } : undefined;
}

const roleIdAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** IAM gives each role a unique id (`AROA…`); we have no IAM, so the id is derived from the ARN and stays stable. */
export function roleIdOf(roleArn: string): string {
  const digest = createHash('sha256').update(`role-id:${roleArn}`).digest();
  return `AROA${[...digest.subarray(0, 17)].map((byte) => roleIdAlphabet[byte % roleIdAlphabet.length]).join('')}`;
}

export interface AssumedRole {
  arn: string;
  /** `<role id>:<session name>`, what STS answers as UserId and AssumedRoleId. */
  assumedRoleId: string;
  account: string;
}

export function assumedRole(roleArn: string, sessionName: string): AssumedRole | undefined {
  const role = parseRoleArn(roleArn);
  if (!role) return undefined;
  return {
    arn: `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    assumedRoleId: `${roleIdOf(roleArn)}:${sessionName}`,
    account: role.account,
  };
}
