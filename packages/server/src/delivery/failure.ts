import { CognitoError } from '../errors.js';

/**
 * The client learns only that delivery failed; the cause (host names, credentials in a URL,
 * provider answers) goes to the log.
 */
export function deliveryFailure(via: string, cause: unknown): CognitoError {
  console.error(`[delivery] ${via} failed:`, cause);
  return new CognitoError('CodeDeliveryFailureException', 'Unable to deliver the message to the user.');
}

/** Long enough for a slow provider, short enough that a dead one cannot hold a request open. */
export const deliveryTimeoutMs = 10_000;
