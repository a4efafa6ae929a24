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
import { padHex, srpInternals } from '../../packages/server/dist/crypto/srp.js';

// The group and multiplier the server uses: RFC 5054's 3072-bit prime, generator 2.
const { N, g, k } = srpInternals;

const sha256 = (/** @type {Buffer} */ data) => createHash('sha256').update(data).digest();
const toBigInt = (/** @type {Buffer} */ bytes) => (bytes.length === 0 ? 0n : BigInt('0x' + bytes.toString('hex')));
const hashHex = (/** @type {string} */ hex) => toBigInt(sha256(Buffer.from(hex, 'hex')));

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
