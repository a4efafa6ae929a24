import { z } from 'zod';
import { adminGetUser } from '../../../userpool/admin/users.js';
import { adminOperation } from '../../operation.js';
import { adminUser } from './admin-shapes.js';

export default adminOperation(z.object(adminUser), (context, input) => adminGetUser(context, input));
