import type { AuthContext } from '../core/context.js';
import { AuthError } from '../errors.js';
import { startSignIn } from '../sign-in/sign-in.js';
import type { SignInOutput } from '../types.js';
import { autoSignInTtlMs } from './auto-sign-in-state.js';

const pollIntervalMs = 5000;

/**
 * Signs in the user signUp registered with `options.autoSignIn`, once confirmSignUp answered
 * COMPLETE_AUTO_SIGN_IN. With USER_AUTH the confirmation counts as the first factor.
 *
 * @example
 * if ((await confirmSignUp({ username, confirmationCode })).nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') await autoSignIn();
 */
export async function autoSignIn(ctx: AuthContext): Promise<SignInOutput> {
  const pending = ctx.autoSignIn;
  if (!pending?.confirmed || (!pending.byLink && ctx.now() - pending.startedAt > autoSignInTtlMs)) {
    ctx.autoSignIn = undefined;
    throw new AuthError({
      name: 'AutoSignInException',
      message: 'The autoSignIn flow has not started, or has been cancelled/completed.',
      recoverySuggestion: 'Please try to use the signIn API or log out before starting a new autoSignIn flow.',
    });
  }
  ctx.autoSignIn = undefined;
  const session = pending.input.options?.authFlowType === 'USER_AUTH' ? pending.session : undefined;
  if (!pending.byLink) return startSignIn(ctx, pending.input, session);
  // Confirmation by link happens elsewhere: sign in until the account is confirmed, for 3 minutes.
  const started = ctx.now();
  for (;;) {
    const result = await startSignIn(ctx, pending.input, session);
    if (result.nextStep.signInStep !== 'CONFIRM_SIGN_UP') return result;
    if (ctx.now() - started > autoSignInTtlMs) {
      throw new AuthError({
        name: 'AutoSignInException',
        message: 'The account was not confirmed on time.',
        recoverySuggestion: 'Try to verify your account by clicking the link sent your email or phone and then login manually.',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}
