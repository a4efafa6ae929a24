import { z } from 'zod';
import { adminUser } from '../../userpool/admin/users.js';
import { setMfaPreferences } from '../../userpool/mfa/preferences.js';
import { adminOperation } from '../operation.js';
import { mfaPreferenceMembers, userPoolId, username } from './shapes.js';

export default adminOperation(z.object({ UserPoolId: userPoolId, Username: username, ...mfaPreferenceMembers }), async (context, { UserPoolId, Username, ...preferences }) => {
  const { user } = await adminUser(context, { UserPoolId, Username });
  await setMfaPreferences(context, user, preferences);
  return {};
});
