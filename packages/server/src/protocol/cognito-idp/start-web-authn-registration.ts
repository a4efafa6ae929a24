import { z } from 'zod';
import { startWebAuthnRegistration } from '../../userpool/passkeys/registration.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token }), (context, input) => startWebAuthnRegistration(context, input));
