import { z } from 'zod';
import { resolveClient, assertClientSecret } from '../../userpool/clients.js';
import { refreshTokens } from '../../userpool/auth/refresh-flow.js';
import { operation } from '../operation.js';
import { clientId, ignored, token } from './shapes.js';

export default operation(
  z.object({ RefreshToken: token, ClientId: clientId, ClientSecret: z.string().max(64).optional(), DeviceKey: z.string().max(55).optional(), ...ignored }),
  async (context, input) => {
    const resolved = await resolveClient(context, input.ClientId);
    assertClientSecret(resolved.client, input.ClientSecret);
    return refreshTokens(context, resolved, input.RefreshToken, () => {}, input.DeviceKey);
  },
);
