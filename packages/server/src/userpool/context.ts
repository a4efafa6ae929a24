import type { Kysely } from 'kysely';
import type { Clock, Random } from '../clock.js';
import type { Sealer } from '../crypto/seal.js';
import type { Delivery } from '../delivery/types.js';
import type { IdentityServices } from '../identitypool/services.js';
import type { PoolStore } from '../store/pools.js';
import type { Database } from '../store/schema.js';
import type { SigningKeys } from './signing-keys.js';

/** Everything a user-pool operation may use. Built once at start; tests build their own. */
export interface Context {
  db: Kysely<Database>;
  pools: PoolStore;
  keys: SigningKeys;
  sealer: Sealer;
  delivery: Delivery;
  clock: Clock;
  random: Random;
  identity: IdentityServices;
  /** The externally visible base URL, without a trailing slash; token `iss` is `<publicUrl>/<poolId>`. */
  publicUrl: string;
  /** How long a hook may take to answer before the operation fails as on a Lambda timeout. */
  hookTimeoutMs: number;
}

export const issuerOf = (context: Pick<Context, 'publicUrl'>, poolId: string) => `${context.publicUrl}/${poolId}`;
