// One worker thread of a ceiling measurement: the same primitive the server uses, back to back
// (with `depth` in flight for the ones that run on the thread pool), for a warm-up and a window.

import { randomBytes } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { verify as argon2Verify, hash as argon2Hash } from '@node-rs/argon2';
import { SignJWT, importJWK, jwtVerify } from 'jose';
import { modPow } from '../../packages/server/dist/crypto/modpow.js';
import { passwordHashParameters } from '../../packages/server/dist/crypto/password.js';
import { srpInternals } from '../../packages/server/dist/crypto/srp.js';

/** @type {{ kind: 'argon2' | 'modpow' | 'sign' | 'verify', warmupMs: number, durationMs: number, depth: number, privateJwk: any, publicJwk: any }} */
const { kind, warmupMs, durationMs, depth, privateJwk, publicJwk } = workerData;

/** @returns {Promise<() => unknown>} one operation */
async function prepare() {
  switch (kind) {
    case 'argon2': {
      // A sign-in verifies a stored hash: one argon2id computation with the pool's parameters.
      const stored = await argon2Hash('Bench-password-1', passwordHashParameters);
      return () => argon2Verify(stored, 'Bench-password-1');
    }
    case 'modpow': {
      // The server's three per SRP sign-in: 3072-bit modulus, 256-bit exponents (b and u).
      const { N } = srpInternals;
      const inputs = Array.from({ length: 16 }, () => ({
        base: BigInt('0x' + randomBytes(384).toString('hex')) % N,
        exponent: BigInt('0x' + randomBytes(32).toString('hex')),
      }));
      let i = 0;
      return () => {
        const { base, exponent } = inputs[i++ % inputs.length];
        return modPow(base, exponent, N);
      };
    }
    case 'sign': {
      const key = await importJWK(privateJwk, 'RS256');
      const issuer = 'http://127.0.0.1:9245/us-east-1_Bench01';
      return () => new SignJWT(accessClaims()).setProtectedHeader({ kid: privateJwk.kid, alg: 'RS256' }).setIssuer(issuer).setIssuedAt().setExpirationTime('1h').setJti(crypto.randomUUID()).sign(key);
    }
    case 'verify': {
      const signingKey = await importJWK(privateJwk, 'RS256');
      const key = await importJWK(publicJwk, 'RS256');
      const issuer = 'http://127.0.0.1:9245/us-east-1_Bench01';
      const token = await new SignJWT(accessClaims()).setProtectedHeader({ kid: privateJwk.kid, alg: 'RS256' }).setIssuer(issuer).setIssuedAt().setExpirationTime('1h').setJti(crypto.randomUUID()).sign(signingKey);
      return () => jwtVerify(token, () => key, { issuer, algorithms: ['RS256'], clockTolerance: 0 });
    }
    default:
      throw new Error(`unknown ceiling ${kind}`);
  }
}

/** The claims of a Cognito access token, as the server signs them. */
function accessClaims() {
  return {
    sub: crypto.randomUUID(),
    client_id: 'benchclient',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    origin_jti: crypto.randomUUID(),
    event_id: crypto.randomUUID(),
    auth_time: Math.floor(Date.now() / 1000),
    username: crypto.randomUUID(),
  };
}

const operation = await prepare();
parentPort?.postMessage({ ready: true });
parentPort?.once('message', async () => {
  // Deadlines rather than timers: a synchronous operation (modPow) never lets a timer fire.
  const counting = performance.now() + warmupMs;
  const end = counting + durationMs;
  let count = 0;
  let last = counting;
  const run = async () => {
    for (;;) {
      await operation();
      const now = performance.now();
      if (now >= end) return;
      if (now >= counting) {
        count++;
        last = now;
      }
    }
  };
  await Promise.all(Array.from({ length: depth }, run));
  parentPort?.postMessage({ count, elapsedMs: Math.max(1, last - counting) });
});
