import { z } from 'zod';
import { userForAccessToken } from '../../userpool/access-token-user.js';
import { setMfaPreferences } from '../../userpool/mfa/preferences.js';
import { operation } from '../operation.js';
import { mfaPreferenceMembers, token } from './shapes.js';

export default operation(z.object({ AccessToken: token, ...mfaPreferenceMembers }), async (context, { AccessToken, ...preferences }) => {
  const { user } = await userForAccessToken(context, AccessToken);
  await setMfaPreferences(context, user, preferences);
  return {};
});
