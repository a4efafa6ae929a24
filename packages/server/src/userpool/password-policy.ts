import { CognitoError } from '../errors.js';
import type { PasswordPolicy } from './pool.js';

// Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
const symbols = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** The first rule the password breaks, in Cognito's words, or undefined. */
export function passwordPolicyViolation(policy: PasswordPolicy, password: string): string | undefined {
  if ([...password].length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && !symbols.test(password)) return 'Password must have symbol characters';
  return undefined;
}

/** SignUp words it "did not conform with"; the other operations "does not conform to" (reference §2.9.2). */
export function assertPasswordPolicy(policy: PasswordPolicy, password: string, wording: 'sign-up' | 'change'): void {
  const violation = passwordPolicyViolation(policy, password);
  if (!violation) return;
  const prefix = wording === 'sign-up' ? 'Password did not conform with policy' : 'Password does not conform to policy';
  throw new CognitoError('InvalidPasswordException', `${prefix}: ${violation}`);
}
