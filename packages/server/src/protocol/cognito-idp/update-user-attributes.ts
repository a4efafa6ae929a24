import { z } from 'zod';
import { updateUserAttributes } from '../../userpool/user-attributes.js';
import { operation } from '../operation.js';
import { attributeList, ignored, token } from './shapes.js';

export default operation(z.object({ AccessToken: token, UserAttributes: attributeList, ...ignored }), (context, input) =>
  updateUserAttributes(context, input.AccessToken, input.UserAttributes),
);
