import { z } from 'zod';
import { listWebAuthnCredentials } from '../../userpool/passkeys/manage.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';
import { nextToken, webAuthnMaxResults } from './webauthn-shapes.js';

export default operation(z.object({ AccessToken: token, MaxResults: webAuthnMaxResults.optional(), NextToken: nextToken.optional() }), (context, input) =>
  listWebAuthnCredentials(context, input),
);
