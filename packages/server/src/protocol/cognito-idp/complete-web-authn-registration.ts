import { z } from 'zod';
import { completeWebAuthnRegistration } from '../../userpool/passkeys/registration.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';
import { registrationResponse } from './webauthn-shapes.js';

export default operation(z.object({ AccessToken: token, Credential: registrationResponse }), async (context, input) => {
  await completeWebAuthnRegistration(context, input);
  return {};
});
