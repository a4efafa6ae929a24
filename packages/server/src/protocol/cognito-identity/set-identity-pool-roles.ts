import { z } from 'zod';
import { setIdentityPoolRoles } from '../../identitypool/pool-admin.js';
import { adminOperation } from '../operation.js';
import { identityPoolId, roleMappings, roles } from './shapes.js';

export default adminOperation(z.object({ IdentityPoolId: identityPoolId, Roles: roles, RoleMappings: roleMappings.optional() }), (context, input) =>
  setIdentityPoolRoles(context, input.IdentityPoolId, { Roles: input.Roles, RoleMappings: input.RoleMappings }),
);
