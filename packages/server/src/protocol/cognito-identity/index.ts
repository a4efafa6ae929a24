import type { Operation } from '../operation.js';
import createIdentityPool from './create-identity-pool.js';
import deleteIdentities from './delete-identities.js';
import deleteIdentityPool from './delete-identity-pool.js';
import describeIdentity from './describe-identity.js';
import describeIdentityPool from './describe-identity-pool.js';
import getCredentialsForIdentity from './get-credentials-for-identity.js';
import getId from './get-id.js';
import getIdentityPoolRoles from './get-identity-pool-roles.js';
import getOpenIdTokenForDeveloperIdentity from './get-open-id-token-for-developer-identity.js';
import getOpenIdToken from './get-open-id-token.js';
import listIdentities from './list-identities.js';
import listIdentityPools from './list-identity-pools.js';
import lookupDeveloperIdentity from './lookup-developer-identity.js';
import mergeDeveloperIdentities from './merge-developer-identities.js';
import setIdentityPoolRoles from './set-identity-pool-roles.js';
import unlinkDeveloperIdentity from './unlink-developer-identity.js';
import unlinkIdentity from './unlink-identity.js';
import updateIdentityPool from './update-identity-pool.js';

/**
 * `AWSCognitoIdentityService.*`, by wire name. The four a browser calls are unsigned; the others
 * need a SigV4 signature for service `cognito-identity` (reference §1.5).
 */
export const identityPoolOperations: Record<string, Operation> = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetOpenIdToken: getOpenIdToken,
  UnlinkIdentity: unlinkIdentity,
  GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
  LookupDeveloperIdentity: lookupDeveloperIdentity,
  MergeDeveloperIdentities: mergeDeveloperIdentities,
  UnlinkDeveloperIdentity: unlinkDeveloperIdentity,
  DescribeIdentity: describeIdentity,
  ListIdentities: listIdentities,
  DeleteIdentities: deleteIdentities,
  CreateIdentityPool: createIdentityPool,
  DescribeIdentityPool: describeIdentityPool,
  UpdateIdentityPool: updateIdentityPool,
  DeleteIdentityPool: deleteIdentityPool,
  ListIdentityPools: listIdentityPools,
  SetIdentityPoolRoles: setIdentityPoolRoles,
  GetIdentityPoolRoles: getIdentityPoolRoles,
};
