import type { ServerSettings } from '../config/settings.js';
import type { Context } from '../userpool/context.js';

/** What a command works with: the store, opened as the server opens it, and the server's operations. */
export interface Session {
  settings: ServerSettings;
  context: Context;
  /** Runs an operation of the dispatch table by its wire name: the request is validated as on the wire. */
  call<Response = Record<string, never>>(operation: string, request: object): Promise<Response>;
  /** The pool asked for, or else the first one created. */
  poolId(requested: string | undefined): Promise<string>;
  /** Runs `action` with a user's name; an email that is not a sign-in identifier of the pool is looked up. */
  forUser<T>(poolId: string, name: string, action: (username: string) => Promise<T>): Promise<T>;
  /** Where clients reach the server: COGNATE_PUBLIC_URL, else http://HOST:PORT. */
  publicUrl: string;
}

/** Runs `work` on the store the environment names; the server's modules load only for the commands that need them. */
export async function withSession<T>(work: (session: Session) => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const { withInProcessSession } = await import('./in-process.js');
  return withInProcessSession(work, env);
}
