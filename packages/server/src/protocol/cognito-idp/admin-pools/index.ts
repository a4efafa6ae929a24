import type { Operation } from '../../operation.js';
import adminAddUserToGroup from './admin-add-user-to-group.js';
import adminListGroupsForUser from './admin-list-groups-for-user.js';
import adminRemoveUserFromGroup from './admin-remove-user-from-group.js';
import createGroup from './create-group.js';
import createUserPoolClient from './create-user-pool-client.js';
import createUserPool from './create-user-pool.js';
import deleteGroup from './delete-group.js';
import deleteUserPoolClient from './delete-user-pool-client.js';
import deleteUserPool from './delete-user-pool.js';
import describeUserPoolClient from './describe-user-pool-client.js';
import describeUserPool from './describe-user-pool.js';
import getGroup from './get-group.js';
import getUserPoolMfaConfig from './get-user-pool-mfa-config.js';
import listGroups from './list-groups.js';
import listUserPoolClients from './list-user-pool-clients.js';
import listUserPools from './list-user-pools.js';
import listUsersInGroup from './list-users-in-group.js';
import setUserPoolMfaConfig from './set-user-pool-mfa-config.js';
import updateGroup from './update-group.js';
import updateUserPoolClient from './update-user-pool-client.js';
import updateUserPool from './update-user-pool.js';

/** User pools, app clients, the pool's MFA settings and groups: SigV4-signed administration. */
export const adminPoolOperations: Record<string, Operation> = {
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  CreateGroup: createGroup,
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DeleteGroup: deleteGroup,
  DeleteUserPool: deleteUserPool,
  DeleteUserPoolClient: deleteUserPoolClient,
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
  GetGroup: getGroup,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  ListGroups: listGroups,
  ListUserPoolClients: listUserPoolClients,
  ListUserPools: listUserPools,
  ListUsersInGroup: listUsersInGroup,
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  UpdateGroup: updateGroup,
  UpdateUserPool: updateUserPool,
  UpdateUserPoolClient: updateUserPoolClient,
};
