/** An inline policy of the caller's role, with Cognito's policy variables filled in for this caller. */
export interface RolePolicy {
  policyName: string;
  document: PolicyDocument;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
  [member: string]: unknown;
}

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  [member: string]: unknown;
}

/** Who signed a request: the identity-pool identity behind the credentials, and the role they were vended for. */
export interface VerifiedCaller {
  accessKeyId: string;
  /** `<region>:<uuid>`, the value of `${cognito-identity.amazonaws.com:sub}`. */
  identityId: string;
  /** The value of `${cognito-identity.amazonaws.com:aud}`. */
  identityPoolId: string;
  /** Signed in through some login, rather than a guest. */
  authenticated: boolean;
  /** `cognito-identity.amazonaws.com:amr`: `authenticated` or `unauthenticated`, then the login providers. */
  amr: string[];
  roleArn: string;
  /** `arn:aws:sts::<account>:assumed-role/<role name>/<session name>`, as STS GetCallerIdentity answers. */
  assumedRoleArn: string;
  /** `<role id>:<session name>`, the value of `${aws:userid}`. */
  userId: string;
  account: string;
  expiration: Date;
  policies: RolePolicy[];
}
