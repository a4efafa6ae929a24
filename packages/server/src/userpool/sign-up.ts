import { fail } from '../errors.js';
import { uniqueViolation } from '../store/unique-violation.js';
import { userStore } from '../store/users.js';
import { checkAttributes, checkRequiredAttributes } from './attribute-rules.js';
import type { AttributeType } from './attributes.js';
import { allowedFirstAuthFactors } from './auth/first-factors.js';
import { assertSecretHash, resolveClient } from './clients.js';
import { issueCode } from './codes.js';
import type { Context } from './context.js';
import { assertPasswordPolicy } from './password-policy.js';
import { sendVerificationCode, signUpCodeTarget, type CodeDeliveryDetails } from './send-code.js';
import type { UserPoolSettings } from './pool.js';
import { canonicalUsername, newUser } from './users.js';
import { postConfirmation } from '../hooks/post-confirmation.js';
import { preSignUp, type SignUpDecision } from '../hooks/pre-sign-up.js';

export interface SignUpRequest {
  ClientId: string;
  Username: string;
  Password?: string | undefined;
  SecretHash?: string | undefined;
  UserAttributes?: AttributeType[] | undefined;
  ValidationData?: AttributeType[] | undefined;
  ClientMetadata?: Record<string, string> | undefined;
}

export interface SignUpResult {
  UserConfirmed: boolean;
  UserSub: string;
  CodeDeliveryDetails?: CodeDeliveryDetails;
}

/**
 * Registers an UNCONFIRMED user and sends the confirmation code. The user row is committed before
 * the code goes out: a failed delivery leaves a user who can ask for the code again. A pre sign-up
 * hook may refuse the user, or confirm it at once (no code is sent then).
 */
export async function signUp(context: Context, request: SignUpRequest): Promise<SignUpResult> {
  const { client, pool } = await resolveClient(context, request.ClientId);
  assertSecretHash(client, [request.Username], request.SecretHash);
  if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) fail('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  // "Users can sign up without a password when your user pool supports passwordless sign-in with
  // email or SMS OTPs ... omit this parameter or submit a blank value" (API reference, SignUp).
  const password = request.Password || undefined;
  if (password === undefined && !allowsOneTimePasswordSignIn(pool)) fail('InvalidParameterException', 'Password is required for this user pool.');
  if (password !== undefined) assertPasswordPolicy(pool.Policies.PasswordPolicy, password, 'sign-up');

  const attributes = checkAttributes(pool, request.UserAttributes ?? []);
  delete attributes.email_verified;
  delete attributes.phone_number_verified;
  const sub = context.random.uuid();
  const username = canonicalUsername(pool, request.Username, attributes, sub);
  checkRequiredAttributes(pool, attributes);
  const decision = await preSignUp(context, pool, {
    source: 'PreSignUp_SignUp',
    clientId: client.ClientId,
    user: { userName: username, userAttributes: { ...attributes } },
    validationData: request.ValidationData,
    clientMetadata: request.ClientMetadata,
  });
  applyAutoVerification(decision, attributes);
  const status = decision.autoConfirmUser ? 'CONFIRMED' : 'UNCONFIRMED';

  const user = await newUser(context, pool, { username, sub, status, attributes, password });
  try {
    await userStore.insert(context.db, user);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === undefined) throw error;
    if (constraint.includes('email')) fail('UsernameExistsException', 'An account with the given email already exists.');
    if (constraint.includes('phone')) fail('UsernameExistsException', 'An account with the given phone_number already exists.');
    fail('UsernameExistsException', 'User already exists');
  }

  if (decision.autoConfirmUser) {
    await postConfirmation(context, pool, { source: 'PostConfirmation_ConfirmSignUp', clientId: client.ClientId, user, clientMetadata: request.ClientMetadata });
    return { UserConfirmed: true, UserSub: sub };
  }
  const target = signUpCodeTarget(pool, attributes);
  if (!target) return { UserConfirmed: false, UserSub: sub };
  const code = await issueCode(context, user, 'sign-up');
  const CodeDeliveryDetails = await sendVerificationCode(context, pool, user, target.attribute, target.destination, code);
  return { UserConfirmed: false, UserSub: sub, CodeDeliveryDetails };
}

/** The pre sign-up hook's autoVerifyEmail / autoVerifyPhone mark the attribute verified when the user has it. */
export function applyAutoVerification(decision: SignUpDecision, attributes: Record<string, string>): void {
  if (decision.autoVerifyEmail && attributes.email) attributes.email_verified = 'true';
  if (decision.autoVerifyPhone && attributes.phone_number) attributes.phone_number_verified = 'true';
}

/** A pool whose SignInPolicy allows email or SMS one-time passwords as the first factor takes users without a password. */
function allowsOneTimePasswordSignIn(pool: UserPoolSettings): boolean {
  return allowedFirstAuthFactors(pool).some((factor) => factor === 'EMAIL_OTP' || factor === 'SMS_OTP');
}
