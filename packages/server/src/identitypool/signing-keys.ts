import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Clock, Random } from '../clock.js';
import type { Sealer } from '../crypto/seal.js';
import type { Database } from '../store/schema.js';
import type { SigningKey } from '../userpool/signing-keys.js';

/** Cognito Identity signs its OpenID tokens with RS512. */
export const identityTokenAlgorithm = 'RS512';

export interface IdentityKeySet {
  signing: SigningKey;
  verifying: Map<string, CryptoKey>;
  jwks: { keys: JWK[] };
}

/**
 * The key of the OpenID tokens GetOpenIdToken issues: one for all identity pools, as their issuer is
 * one. Sealed in the store like user-pool keys, cached once read; processes starting together
 * insert generation 1 at most once and all sign with the row that won.
 */
export class IdentityKeys {
  private keys: Promise<IdentityKeySet> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  current(): Promise<IdentityKeySet> {
    if (!this.keys) {
      this.keys = this.load();
      this.keys.catch(() => (this.keys = undefined));
    }
    return this.keys;
  }

  private async load(): Promise<IdentityKeySet> {
    let rows = await this.rows();
    if (rows.length === 0) {
      await this.create();
      rows = await this.rows();
    }
    const verifying = new Map<string, CryptoKey>();
    const jwks: JWK[] = [];
    for (const row of rows) {
      const jwk = JSON.parse(row.public_jwk) as JWK;
      jwks.push(jwk);
      verifying.set(row.kid, (await importJWK(jwk, identityTokenAlgorithm)) as CryptoKey);
    }
    const newest = rows[rows.length - 1]!;
    const privateJwk = JSON.parse(this.sealer.openText(newest.private_jwk_sealed, keyContext(newest.kid))) as JWK;
    return { signing: { kid: newest.kid, privateKey: (await importJWK(privateJwk, identityTokenAlgorithm)) as CryptoKey }, verifying, jwks: { keys: jwks } };
  }

  private rows() {
    return this.db.selectFrom('identity_signing_keys').selectAll().orderBy('generation').execute();
  }

  private async create(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair(identityTokenAlgorithm, { modulusLength: 2048, extractable: true });
    const kid = this.random.bytes(24).toString('base64url');
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: identityTokenAlgorithm, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: identityTokenAlgorithm };
    await this.db
      .insertInto('identity_signing_keys')
      .values({
        kid,
        generation: 1,
        private_jwk_sealed: this.sealer.seal(JSON.stringify(privateJwk), keyContext(kid)),
        public_jwk: JSON.stringify(publicJwk),
        created_at: this.clock.now(),
      })
      .onConflict((oc) => oc.column('generation').doNothing())
      .execute();
  }
}

const keyContext = (kid: string) => `identity-signing-key:${kid}`;
