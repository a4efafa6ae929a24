import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Clock, Random } from '../clock.js';
import type { Sealer } from '../crypto/seal.js';
import type { Database } from '../store/schema.js';

export type TokenUse = 'id' | 'access';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface PoolKeys {
  signing: Record<TokenUse, SigningKey>;
  /** Every public key of the pool, by kid: what JWKS publishes and what verification accepts. */
  verifying: Map<string, CryptoKey>;
  jwks: { keys: JWK[] };
}

/**
 * RS256 keys per pool, one for ID tokens and one for access tokens as Cognito does. Keys live in the
 * store, sealed; each process caches them once read (keys never change once written).
 */
export class SigningKeys {
  private readonly cache = new Map<string, Promise<PoolKeys>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  forPool(poolId: string): Promise<PoolKeys> {
    let keys = this.cache.get(poolId);
    if (!keys) {
      keys = this.load(poolId);
      keys.catch(() => this.cache.delete(poolId));
      this.cache.set(poolId, keys);
    }
    return keys;
  }

  forget(poolId: string): void {
    this.cache.delete(poolId);
  }

  private async load(poolId: string): Promise<PoolKeys> {
    let rows = await this.rows(poolId);
    for (const use of ['id', 'access'] as const) {
      if (!rows.some((row) => row.token_use === use)) await this.create(poolId, use);
    }
    rows = await this.rows(poolId);
    const verifying = new Map<string, CryptoKey>();
    const jwks: JWK[] = [];
    for (const row of rows) {
      const jwk = JSON.parse(row.public_jwk) as JWK;
      jwks.push(jwk);
      verifying.set(row.kid, (await importJWK(jwk, 'RS256')) as CryptoKey);
    }
    const signingFor = async (use: TokenUse): Promise<SigningKey> => {
      const row = rows.find((r) => r.token_use === use)!;
      const jwk = JSON.parse(this.sealer.openText(row.private_jwk_sealed, keyContext(row.kid))) as JWK;
      return { kid: row.kid, privateKey: (await importJWK(jwk, 'RS256')) as CryptoKey };
    };
    return { signing: { id: await signingFor('id'), access: await signingFor('access') }, verifying, jwks: { keys: jwks } };
  }

  private rows(poolId: string) {
    return this.db.selectFrom('signing_keys').selectAll().where('pool_id', '=', poolId).orderBy('generation').orderBy('kid').execute();
  }

  private async create(poolId: string, use: TokenUse): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const kid = this.random.bytes(24).toString('base64url');
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
    await this.db
      .insertInto('signing_keys')
      .values({
        kid,
        pool_id: poolId,
        token_use: use,
        generation: 1,
        private_jwk_sealed: this.sealer.seal(JSON.stringify(privateJwk), keyContext(kid)),
        public_jwk: JSON.stringify(publicJwk),
        created_at: this.clock.now(),
      })
      // Another process created this generation first: its key is the one everybody uses.
      .onConflict((oc) => oc.columns(['pool_id', 'token_use', 'generation']).doNothing())
      .execute();
  }
}

const keyContext = (kid: string) => `signing-key:${kid}`;
