// The client half of Cognito's SRP-6a, written for the load process: the modular exponentiation goes
// through the server's OpenSSL-backed modPow (~1 ms) rather than amazon-cognito-identity-js's
// BigInteger (tens of ms), so the load process leaves the cores to the server.
//
// What a real client pays per sign-in is 3 exponentiations (A = g^a, g^x, S). Here g^x is cached per
// user (it depends only on salt, username and password) and the pairs (a, A) come from a pool made
// before the measured window, so a sign-in costs the load process one exponentiation. The server
// cannot tell: every A it sees is a valid ephemeral value, and its own work is unchanged.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { modPow } from '../../packages/server/dist/crypto/modpow.js';
import { padHex } from '../../packages/server/dist/crypto/srp.js';

// RFC 5054's 3072-bit group, generator 2: the group Cognito uses.
const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

const sha256 = (/** @type {Buffer} */ data) => createHash('sha256').update(data).digest();
const toBigInt = (/** @type {Buffer} */ bytes) => (bytes.length === 0 ? 0n : BigInt('0x' + bytes.toString('hex')));
const hashHex = (/** @type {string} */ hex) => toBigInt(sha256(Buffer.from(hex, 'hex')));
const k = hashHex(padHex(N) + padHex(g));

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (/** @type {number} */ n) => String(n).padStart(2, '0');

/** Cognito's TIMESTAMP, `Tue Sep 7 01:02:03 UTC 2021` (day of month not padded). */
export function srpTimestamp(ms = Date.now()) {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** @typedef {{ a: bigint, A: bigint, AHex: string }} Ephemeral */

/** A fresh client ephemeral pair: a random, A = g^a mod N. @returns {Ephemeral} */
export function newEphemeral() {
  for (;;) {
    const a = toBigInt(randomBytes(32));
    const A = modPow(g, a, N);
    if (A % N !== 0n) return { a, A, AHex: A.toString(16) };
  }
}

export class SrpClient {
  /** @param {string} poolId @param {number} [ephemerals] pairs made up front and used in turn */
  constructor(poolId, ephemerals = 64) {
    this.poolName = poolId.slice(poolId.indexOf('_') + 1);
    /** @type {Ephemeral[]} */
    this.ephemerals = Array.from({ length: ephemerals }, newEphemeral);
    this.next = 0;
    /** @type {Map<string, { x: bigint, gx: bigint }>} */
    this.secrets = new Map();
  }

  /** @returns {Ephemeral} */
  ephemeral() {
    return this.ephemerals[this.next++ % this.ephemerals.length];
  }

  /**
   * The PASSWORD_VERIFIER ChallengeResponses for a challenge's parameters.
   * @param {Ephemeral} ephemeral
   * @param {Record<string, string>} params SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP
   * @param {string} password
   * @param {number} [now]
   */
  answer(ephemeral, params, password, now = Date.now()) {
    const userId = params.USER_ID_FOR_SRP;
    const B = BigInt('0x' + params.SRP_B);
    const u = hashHex(padHex(ephemeral.A) + padHex(B));
    if (u === 0n || B % N === 0n) throw new Error('SRP: unusable B from the server');
    const key = `${userId}\n${params.SALT}\n${password}`;
    let secret = this.secrets.get(key);
    if (!secret) {
      const inner = sha256(Buffer.from(`${this.poolName}${userId}:${password}`, 'utf8')).toString('hex');
      const x = hashHex(padHex(BigInt('0x' + params.SALT)) + inner);
      secret = { x, gx: modPow(g, x, N) };
      this.secrets.set(key, secret);
    }
    const base = (((B - k * secret.gx) % N) + N) % N;
    const S = modPow(base, ephemeral.a + u * secret.x, N);
    // HKDF as Cognito: extract with salt padHex(u), one expand block, 16 bytes.
    const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
    const K = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
    const timestamp = srpTimestamp(now);
    const message = Buffer.concat([
      Buffer.from(this.poolName, 'utf8'),
      Buffer.from(userId, 'utf8'),
      Buffer.from(params.SECRET_BLOCK, 'base64'),
      Buffer.from(timestamp, 'utf8'),
    ]);
    return {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: createHmac('sha256', K).update(message).digest('base64'),
    };
  }
}
