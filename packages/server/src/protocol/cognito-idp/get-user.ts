import { z } from 'zod';
import { getUser } from '../../userpool/self-service.js';
import { operation } from '../operation.js';
import { token } from './shapes.js';

export default operation(z.object({ AccessToken: token }), (context, input) => getUser(context, input.AccessToken));
