import type { Operation } from '../../operation.js';
import adminConfirmSignUp from './admin-confirm-sign-up.js';
import adminCreateUser from './admin-create-user.js';
import adminDeleteUserAttributes from './admin-delete-user-attributes.js';
import adminDeleteUser from './admin-delete-user.js';
import adminDisableUser from './admin-disable-user.js';
import adminEnableUser from './admin-enable-user.js';
import adminGetUser from './admin-get-user.js';
import adminResetUserPassword from './admin-reset-user-password.js';
import adminSetUserPassword from './admin-set-user-password.js';
import adminUpdateUserAttributes from './admin-update-user-attributes.js';
import adminUserGlobalSignOut from './admin-user-global-sign-out.js';
import listUsers from './list-users.js';

/** The admin operations on users, authorised by an AWS signature (reference §2.7). */
export const adminUserOperations: Record<string, Operation> = {
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminDeleteUser: adminDeleteUser,
  AdminDeleteUserAttributes: adminDeleteUserAttributes,
  AdminDisableUser: adminDisableUser,
  AdminEnableUser: adminEnableUser,
  AdminGetUser: adminGetUser,
  AdminResetUserPassword: adminResetUserPassword,
  AdminSetUserPassword: adminSetUserPassword,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  ListUsers: listUsers,
};
