import type { AuthContext } from '../core/context.js';
import { AuthError } from '../errors.js';
import { fromBase64, toBase64 } from '../srp/encoding.js';
import { respondToChallenge, type AuthResponse } from './respond.js';
import type { SignInState } from './state.js';

const toBase64Url = (buffer: ArrayBuffer) => toBase64(new Uint8Array(buffer)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * WEB_AUTHN (reference §6.3): asks the browser for a passkey assertion with the server's options
 * and answers with it, as Amplify does inline.
 */
export async function answerWebAuthn(ctx: AuthContext, params: Record<string, string>, state: SignInState): Promise<AuthResponse> {
  const optionsJson = params.CREDENTIAL_REQUEST_OPTIONS;
  if (!optionsJson) throw new AuthError({ name: 'InvalidPasskeyAuthenticationOptions', message: 'Invalid passkey authentication options.' });
  const credentials = (globalThis as { navigator?: Navigator }).navigator?.credentials;
  if (!credentials) throw new AuthError({ name: 'PasskeyNotSupported', message: 'Passkeys may not be supported on this device.' });
  const options = JSON.parse(optionsJson);
  let credential: PublicKeyCredential;
  try {
    credential = (await credentials.get({
      publicKey: {
        ...options,
        challenge: fromBase64(options.challenge),
        allowCredentials: (options.allowCredentials ?? []).map((c: { id: string }) => ({ ...c, id: fromBase64(c.id) })),
      },
    })) as PublicKeyCredential;
  } catch (error) {
    const canceled = (error as Error)?.name === 'NotAllowedError';
    throw new AuthError({
      name: canceled ? 'PasskeyAuthenticationCanceled' : 'PasskeyRetrievalFailed',
      message: canceled ? 'Passkey authentication was canceled.' : 'Passkey retrieval failed.',
      underlyingError: error,
    });
  }
  const response = credential.response as AuthenticatorAssertionResponse;
  const json = {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      authenticatorData: toBase64Url(response.authenticatorData),
      signature: toBase64Url(response.signature),
      userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined,
    },
  };
  return respondToChallenge(ctx, 'WEB_AUTHN', { USERNAME: state.username, CREDENTIAL: JSON.stringify(json) }, state.session);
}
