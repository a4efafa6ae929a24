import { z } from 'zod';
import { deleteWebAuthnCredential } from '../../userpool/passkeys/manage.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';
import { credentialId } from './webauthn-shapes.js';

export default operation(z.object({ AccessToken: token, CredentialId: credentialId }), async (context, input) => {
  await deleteWebAuthnCredential(context, input);
  return {};
});
