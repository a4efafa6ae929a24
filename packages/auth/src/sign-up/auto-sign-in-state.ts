import type { SignInInput } from '../types.js';

/** What autoSignIn() needs after signUp({ options: { autoSignIn } }); kept in memory only. */
export interface AutoSignInState {
  input: SignInInput;
  /** When the sign-up started: the password is dropped after 3 minutes, as Amplify drops it. */
  startedAt: number;
  /** Set by confirmSignUp (or a sign-up confirmed at once): autoSignIn() may run. */
  confirmed: boolean;
  /** ConfirmSignUp's Session, which USER_AUTH turns into a sign-in without a second factor. */
  session?: string | undefined;
  /** signUpVerificationMethod 'link': sign-in is retried until the link was followed. */
  byLink?: boolean;
}

export const autoSignInTtlMs = 3 * 60 * 1000;
