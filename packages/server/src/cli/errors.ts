import { ConfigError } from '../config/load.js';
import { CognitoError } from '../errors.js';

/** A command line that names no command, or a command with the wrong arguments: exit status 2. */
export class UsageError extends Error {}

/** The single line an error prints: `cognate: <ErrorName>: <message>` for the server's errors. */
export function errorLine(error: unknown): string {
  const text =
    error instanceof CognitoError
      ? `${error.type}: ${error.message}`
      : error instanceof ConfigError
        ? `invalid config ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
  return `cognate: ${text.replace(/\s*\n\s*/g, ' ')}`;
}

export const exitCodeOf = (error: unknown) => (error instanceof UsageError ? 2 : 1);
