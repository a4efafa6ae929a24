// Ceilings: how many of each primitive the machine does per second on all cores, measured in the
// runner (one worker thread per core) while no load runs. They bound what the server can reach.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { exportJWK, generateKeyPair } from 'jose';

const workerUrl = new URL('./ceiling-worker.js', import.meta.url);

/**
 * @typedef {object} Ceilings
 * @property {number} cores
 * @property {number} argon2PerSecond argon2id hashes (verifications) with the pool's parameters
 * @property {number} modPowPerSecond 3072-bit modular exponentiations with 256-bit exponents
 * @property {number} signPerSecond RS256 signatures of an access token (jose, 2048-bit key)
 * @property {number} verifyPerSecond RS256 verifications of an access token (jose)
 */

/**
 * @param {{ durationMs?: number, warmupMs?: number, cores?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<Ceilings>}
 */
export async function measureCeilings({ durationMs = 1500, warmupMs = 300, cores = availableParallelism(), log = () => {} } = {}) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const kid = 'bench';
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256' };
  /** @param {'argon2' | 'modpow' | 'sign' | 'verify'} kind @param {number} depth */
  const rate = async (kind, depth) => {
    const value = await measure({ kind, depth, cores, durationMs, warmupMs, privateJwk, publicJwk });
    log(`  ${kind}: ${value.toFixed(0)}/s (${cores} workers, ${depth} in flight each)`);
    return value;
  };
  // Thread-pool primitives (argon2, WebCrypto) get two in flight per worker so the pool never idles.
  return {
    cores,
    argon2PerSecond: await rate('argon2', 1),
    modPowPerSecond: await rate('modpow', 1),
    signPerSecond: await rate('sign', 2),
    verifyPerSecond: await rate('verify', 2),
  };
}

/**
 * @param {{ kind: string, depth: number, cores: number, durationMs: number, warmupMs: number, privateJwk: object, publicJwk: object }} options
 * @returns {Promise<number>} operations per second, summed over the workers
 */
async function measure({ cores, ...data }) {
  const workers = Array.from({ length: cores }, () => new Worker(workerUrl, { workerData: data }));
  try {
    await Promise.all(workers.map((worker) => nextMessage(worker)));
    for (const worker of workers) worker.postMessage('go');
    const results = /** @type {Array<{ count: number, elapsedMs: number }>} */ (await Promise.all(workers.map((worker) => nextMessage(worker))));
    return results.reduce((sum, { count, elapsedMs }) => sum + (count * 1000) / elapsedMs, 0);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** @param {Worker} worker @returns {Promise<any>} */
function nextMessage(worker) {
  return new Promise((resolve, reject) => {
    const onMessage = (/** @type {unknown} */ message) => {
      worker.off('error', onError);
      resolve(message);
    };
    const onError = (/** @type {Error} */ error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}
