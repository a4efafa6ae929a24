// The load process: forked by the runner for one phase, it keeps a fixed number of operations in
// flight against the server for a warm-up and then a measured window, and reports back over IPC.
// It runs apart from the server (its own process) and from the runner (which measures ceilings only
// while no load runs).

import { openCodeReader } from './codes.js';
import { createClient, idp } from './http-client.js';
import { SrpClient } from './srp-client.js';
import { formatAmzDate, sha256Hex, signatureOf, signingKey, stringToSign, verifyPath } from '../../packages/sigv4/dist/index.js';

/**
 * What a service behind @cognate/sigv4 sends for one request signed with these credentials: the
 * string to sign (of a fixed request, dated now) and its signature.
 * @param {{ accessKeyId: string, secretKey: string, sessionToken: string }} credentials
 */
function signedClaims(credentials) {
  const canonical = ['GET', '/files/report.pdf', '', 'host:files.example\n', 'host', sha256Hex('')].join('\n');
  return () => {
    const amzDate = formatAmzDate(Date.now());
    const day = amzDate.slice(0, 8);
    const toSign = stringToSign(amzDate, `${day}/us-east-1/files/aws4_request`, canonical);
    const Signature = signatureOf(signingKey(credentials.secretKey, day, 'us-east-1', 'files'), toSign);
    return JSON.stringify({ AccessKeyId: credentials.accessKeyId, SessionToken: credentials.sessionToken, StringToSign: toSign, Signature });
  };
}

/**
 * @typedef {object} PhaseRequest
 * @property {string} scenario noop | password | srp | refresh | refresh-auth | getuser | verify | signup
 * @property {number} concurrency operations in flight
 * @property {number} warmupMs
 * @property {number} durationMs
 * @property {string} url
 * @property {string} clientId
 * @property {string} poolId
 * @property {'raw' | 'http'} clientKind
 * @property {import('./codes.js').CodeSource} [codeSource] for signup
 * @property {Array<{ email: string, password: string }>} users
 * @property {Array<{ accessToken: string, refreshToken: string }>} sessions
 * @property {Array<{ accessKeyId: string, secretKey: string, sessionToken: string }>} [credentials] for verify
 * @property {string} runTag unique per run, for sign-up addresses
 */

/**
 * @typedef {object} PhaseResult
 * @property {number} operations completed successfully in the window
 * @property {number} requestsPerOperation
 * @property {number} errors
 * @property {Record<string, { count: number, sample: string }>} errorTypes
 * @property {number} windowMs
 * @property {number} perSecond operations per second
 * @property {{ p50: number, p90: number, p99: number, max: number, mean: number }} latencyMs
 * @property {[number, number]} windowMonotonicUs start and end of the window, CLOCK_MONOTONIC in µs
 * @property {number} loadCpuMs CPU the load process spent in the window
 */

class StepError extends Error {
  /** @param {string} type @param {string} message */
  constructor(type, message) {
    super(message);
    this.type = type;
  }
}

/** @param {import('./http-client.js').Response} response */
function failure(response) {
  const text = response.body.toString('utf8');
  let type = `HTTP ${response.status}`;
  let message = text.slice(0, 200);
  try {
    const json = JSON.parse(text);
    type = String(json.__type ?? json.code ?? type);
    message = String(json.message ?? message);
  } catch {
    // not JSON: keep the status
  }
  return new StepError(type, message);
}

/** @param {import('./http-client.js').Response} response @param {string} [marker] text a good answer holds */
function expectOk(response, marker) {
  if (response.status !== 200 || (marker !== undefined && !response.body.includes(marker))) throw failure(response);
  return response;
}

/**
 * One operation of each scenario; bodies are serialised up front where they do not change.
 * @param {PhaseRequest} request @param {import('./http-client.js').Client} client
 * @returns {Promise<{ step: (slot: number) => Promise<void>, requestsPerOperation: number, close: () => Promise<void> }>}
 */
async function makeScenario(request, client) {
  const { clientId, users, sessions } = request;
  const none = async () => {};
  let next = 0;
  /** @template T @param {T[]} items @returns {T} */
  const rotate = (items) => items[next++ % items.length];
  const accessBodies = sessions.map((s) => Buffer.from(JSON.stringify({ AccessToken: s.accessToken })));
  switch (request.scenario) {
    case 'noop':
    case 'getuser': {
      const target = idp('GetUser');
      const marker = request.scenario === 'getuser' ? 'Username' : undefined;
      return { step: async (slot) => void expectOk(await client.post(slot, target, rotate(accessBodies)), marker), requestsPerOperation: 1, close: none };
    }
    case 'refresh': {
      const target = idp('GetTokensFromRefreshToken');
      const bodies = sessions.map((s) => Buffer.from(JSON.stringify({ RefreshToken: s.refreshToken, ClientId: clientId })));
      return { step: async (slot) => void expectOk(await client.post(slot, target, rotate(bodies)), 'AccessToken'), requestsPerOperation: 1, close: none };
    }
    case 'refresh-auth': {
      const target = idp('InitiateAuth');
      const bodies = sessions.map((s) => Buffer.from(JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: s.refreshToken } })));
      return { step: async (slot) => void expectOk(await client.post(slot, target, rotate(bodies)), 'AccessToken'), requestsPerOperation: 1, close: none };
    }
    case 'password': {
      const target = idp('InitiateAuth');
      const bodies = users.map((u) => Buffer.from(JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: u.email, PASSWORD: u.password } })));
      return { step: async (slot) => void expectOk(await client.post(slot, target, rotate(bodies)), 'AccessToken'), requestsPerOperation: 1, close: none };
    }
    case 'srp': {
      const srp = new SrpClient(request.poolId);
      const initiate = idp('InitiateAuth');
      const respond = idp('RespondToAuthChallenge');
      return {
        requestsPerOperation: 2,
        close: none,
        async step(slot) {
          const user = rotate(users);
          const ephemeral = srp.ephemeral();
          const first = expectOk(
            await client.post(slot, initiate, JSON.stringify({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user.email, SRP_A: ephemeral.AHex } })),
            'PASSWORD_VERIFIER',
          );
          const challenge = JSON.parse(first.body.toString('utf8'));
          const ChallengeResponses = srp.answer(ephemeral, challenge.ChallengeParameters, user.password);
          const body = JSON.stringify({ ChallengeName: 'PASSWORD_VERIFIER', ClientId: clientId, Session: challenge.Session, ChallengeResponses });
          expectOk(await client.post(slot, respond, body), 'AccessToken');
        },
      };
    }
    case 'verify': {
      const claims = (request.credentials ?? []).map((credentials) => signedClaims(credentials));
      if (claims.length === 0) throw new Error('verify needs credentials');
      return { step: async (slot) => void expectOk(await client.post(slot, verifyPath, rotate(claims)()), 'IdentityId'), requestsPerOperation: 1, close: none };
    }
    case 'signup': {
      if (!request.codeSource) throw new Error('signup needs a code source');
      const codes = await openCodeReader(request.codeSource);
      const signUp = idp('SignUp');
      const confirm = idp('ConfirmSignUp');
      const password = users[0]?.password ?? 'Bench-password-1';
      let counter = 0;
      return {
        requestsPerOperation: 2,
        close: () => codes.close(),
        async step(slot) {
          const email = `bench-signup-${request.runTag}-${process.pid}-${counter++}@example.com`;
          expectOk(await client.post(slot, signUp, JSON.stringify({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] })), 'UserSub');
          const code = await codes.read(email);
          expectOk(await client.post(slot, confirm, JSON.stringify({ ClientId: clientId, Username: email, ConfirmationCode: code })));
        },
      };
    }
    default:
      throw new Error(`unknown scenario ${request.scenario}`);
  }
}

/** @param {Float64Array} sorted @param {number} q */
const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** @param {PhaseRequest} request @returns {Promise<PhaseResult>} */
export async function runPhase(request) {
  const client = createClient({ url: request.url, connections: request.concurrency, kind: request.clientKind });
  const scenario = await makeScenario(request, client);
  let latencies = new Float64Array(1 << 16);
  let operations = 0;
  let errors = 0;
  /** @type {Record<string, { count: number, sample: string }>} */
  const errorTypes = {};
  let measuring = false;
  let stopping = false;

  const loop = async (/** @type {number} */ slot) => {
    while (!stopping) {
      const started = performance.now();
      try {
        await scenario.step(slot);
        if (!measuring) continue;
        if (operations === latencies.length) {
          const grown = new Float64Array(latencies.length * 2);
          grown.set(latencies);
          latencies = grown;
        }
        latencies[operations++] = performance.now() - started;
      } catch (error) {
        const e = /** @type {{ type?: string, code?: string, message?: string }} */ (error);
        const type = e.type ?? e.code ?? 'Error';
        if (measuring) {
          errors++;
          errorTypes[type] ??= { count: 0, sample: String(e.message ?? error).slice(0, 300) };
          errorTypes[type].count++;
        }
        // A refused or reset connection fails at once: do not spin.
        if (!e.type) await sleep(5);
      }
    }
  };

  const loops = Array.from({ length: request.concurrency }, (_, slot) => loop(slot));
  await sleep(request.warmupMs);
  measuring = true;
  const cpuBefore = process.cpuUsage();
  const windowStart = performance.now();
  const windowStartUs = monotonicUs();
  await sleep(request.durationMs);
  measuring = false;
  const windowMs = performance.now() - windowStart;
  const windowEndUs = monotonicUs();
  const cpu = process.cpuUsage(cpuBefore);
  stopping = true;
  await Promise.all(loops);
  client.close();
  await scenario.close();

  const sorted = latencies.subarray(0, operations).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    operations,
    requestsPerOperation: scenario.requestsPerOperation,
    errors,
    errorTypes,
    windowMs,
    perSecond: (operations * 1000) / windowMs,
    latencyMs: {
      p50: quantile(sorted, 0.5),
      p90: quantile(sorted, 0.9),
      p99: quantile(sorted, 0.99),
      max: sorted.length ? sorted[sorted.length - 1] : NaN,
      mean: operations ? sum / operations : NaN,
    },
    windowMonotonicUs: [windowStartUs, windowEndUs],
    loadCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

// Forked by the runner: one phase per process.
if (process.send) {
  process.once('message', (/** @type {PhaseRequest} */ request) => {
    runPhase(request).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error) => process.send?.({ error: String(error?.stack ?? error) }, () => process.exit(1)),
    );
  });
}
