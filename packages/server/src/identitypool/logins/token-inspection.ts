import { fail } from '../../errors.js';
import { loginMessages, refuseLogin } from './login-token.js';
import { OutboundError } from '../../http/outbound.js';
import type { ProviderAnswer } from './provider-request.js';
import type { PublicLoginProviders } from './public-providers.js';

/** What a provider's answer says of a token: whose it is, that the provider refuses it, or nothing usable. */
export type Inspection<T> =
  | { kind: 'accepted'; value: T }
  | { kind: 'refused'; expired: boolean }
  | { kind: 'unusable'; detail: string };

/** A user or app id as providers give them: Facebook's digits, Amazon's `amzn1.account.…`. */
export const isProviderId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 256;

/** One inspection request: the provider's answer read by `read`; no answer at all is unusable. */
export async function inspect<T>(providers: PublicLoginProviders, url: string, read: (answer: ProviderAnswer) => Inspection<T>): Promise<Inspection<T>> {
  try {
    return read(await providers.ask(url));
  } catch (error) {
    if (error instanceof OutboundError) return { kind: 'unusable', detail: error.message };
    throw error;
  }
}

/**
 * The values of inspections that all accepted the token; otherwise the login is refused: a provider's
 * refusal first (the token is bad whatever else happened), then a provider that could not be asked.
 */
export function acceptedValues<T>(key: string, inspections: Inspection<T>[]): T[] {
  const refusal = inspections.find((inspection) => inspection.kind === 'refused');
  if (refusal) refuseLogin(refusal.expired ? loginMessages.providerTokenExpired : loginMessages.providerRefused);
  const values: T[] = [];
  for (const inspection of inspections) {
    if (inspection.kind === 'unusable') {
      console.error(`[identity] ${key} could not verify a login token: ${inspection.detail}`);
      fail('ExternalServiceException', loginMessages.providerUnavailable(key));
    } else if (inspection.kind === 'accepted') {
      values.push(inspection.value);
    }
  }
  return values;
}
