import { z } from 'zod';
import { fail } from '../../errors.js';
import { assertClientSecret, resolveClient } from '../../userpool/clients.js';
import { revokeRefreshToken } from '../../userpool/grants.js';
import { operation } from '../operation.js';
import { clientId, token } from './shapes.js';

export default operation(
  z.object({ Token: token, ClientId: clientId, ClientSecret: z.string().max(64).optional(), RevokeAssociatedSessions: z.enum(['NONE', 'LINKED']).optional() }),
  async (context, input) => {
    const { client } = await resolveClient(context, input.ClientId);
    assertClientSecret(client, input.ClientSecret);
    if (!client.EnableTokenRevocation) fail('UnsupportedOperationException', 'Token revocation is not enabled for this client.');
    await revokeRefreshToken(context, client, input.Token);
    return {};
  },
);
