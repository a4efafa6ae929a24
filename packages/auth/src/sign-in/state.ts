import type { AuthContext } from '../core/context.js';
import type { ChallengeName, CognitoAuthSignInDetails } from '../types.js';

/** A sign-in waiting for confirmSignIn: enough to continue after a page reload. */
export interface SignInState {
  username: string;
  challengeName?: ChallengeName | undefined;
  session?: string | undefined;
  signInDetails?: CognitoAuthSignInDetails | undefined;
  /** Wall-clock ms after which the state is dropped. */
  expiry?: number;
}

// Amplify keeps this 3 minutes (Cognito's default AuthSessionValidity) under `CognitoSignInState.*`;
// here one key per app client, so several pools in one page do not share it.
const ttlMs = 3 * 60 * 1000;
const keyOf = (ctx: AuthContext) => `CognitoSignInState.${ctx.config.userPoolClientId}`;

export const saveSignInState = (ctx: AuthContext, state: SignInState) =>
  ctx.signInStorage.setItem(keyOf(ctx), JSON.stringify({ ...state, expiry: ctx.now() + ttlMs }));

export const clearSignInState = (ctx: AuthContext) => ctx.signInStorage.removeItem(keyOf(ctx));

export async function loadSignInState(ctx: AuthContext): Promise<SignInState | undefined> {
  const raw = await ctx.signInStorage.getItem(keyOf(ctx));
  let state: SignInState | undefined;
  try {
    state = raw ? (JSON.parse(raw) as SignInState) : undefined;
  } catch {
    state = undefined;
  }
  if (state && (state.expiry ?? 0) > ctx.now()) return state;
  if (raw) await clearSignInState(ctx);
  return undefined;
}
