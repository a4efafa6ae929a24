import type { Kysely } from 'kysely';
import type { Clock, Random } from '../clock.js';
import { defaultLoginProviders, type LoginProviderSettings } from '../config/settings.js';
import type { Sealer } from '../crypto/seal.js';
import type { Database } from '../store/schema.js';
import { PublicLoginProviders } from './logins/public-providers.js';
import { OpenIdConnectProviders } from './openid-connect-providers.js';
import { IdentityPoolStore } from './pool-store.js';
import { RolePolicies } from './role-policies.js';
import { IdentityKeys } from './signing-keys.js';

/** What the identity-pool operations keep per process: pool settings, the token key, providers' key sets and endpoints, role policies. */
export interface IdentityServices {
  pools: IdentityPoolStore;
  keys: IdentityKeys;
  openIdConnect: OpenIdConnectProviders;
  rolePolicies: RolePolicies;
  publicProviders: PublicLoginProviders;
}

export function createIdentityServices(db: Kysely<Database>, sealer: Sealer, clock: Clock, random: Random, loginProviders: LoginProviderSettings = defaultLoginProviders): IdentityServices {
  return {
    pools: new IdentityPoolStore(db, clock),
    keys: new IdentityKeys(db, sealer, clock, random),
    openIdConnect: new OpenIdConnectProviders(db, clock, loginProviders.timeoutMs),
    rolePolicies: new RolePolicies(db, clock),
    publicProviders: new PublicLoginProviders(loginProviders, clock),
  };
}
