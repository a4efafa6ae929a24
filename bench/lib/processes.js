// Child processes of the benchmark: servers it starts and the memory they use.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * @typedef {object} Child
 * @property {number} pid
 * @property {string[]} stdout last lines printed (kept short)
 * @property {string[]} stderr
 * @property {(pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>} waitFor
 *   the first line so far or to come that matches; rejects when the process ends first
 * @property {(signal?: NodeJS.Signals, timeoutMs?: number) => Promise<number | null>} stop
 *   signals the process and waits for its exit; SIGKILL after timeoutMs
 * @property {Promise<number | null>} exited
 */

const keptLines = 200;
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/**
 * Starts a process with piped output (read continuously, so a chatty child never blocks on a full pipe).
 * @param {string} command @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Child}
 */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  /** @type {string[]} */
  const stdout = [];
  /** @type {string[]} */
  const stderr = [];
  /** @type {Set<{ pattern: RegExp, resolve: (m: RegExpExecArray) => void }>} */
  const waiters = new Set();
  /** The first lines printed, which callers may wait for after they went by (the start banner). */
  /** @type {string[]} */
  const first = [];
  let ended = false;
  const exited = new Promise((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
    child.once('error', () => {
      running.delete(child);
      resolve(null);
    });
  });
  const closed = new Promise((resolve) => child.once('close', resolve));
  closed.then(() => (ended = true));
  onLines(child.stdout, (line) => {
    stdout.push(line);
    if (stdout.length > keptLines) stdout.shift();
    for (const waiter of waiters) {
      const match = waiter.pattern.exec(line);
      if (match) {
        waiters.delete(waiter);
        waiter.resolve(match);
      }
    }
    if (first.length < 50) first.push(line);
  });
  onLines(child.stderr, (line) => {
    stderr.push(line);
    if (stderr.length > keptLines) stderr.shift();
  });
  return {
    pid: /** @type {number} */ (child.pid),
    stdout,
    stderr,
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      for (const line of first) {
        const match = pattern.exec(line);
        if (match) return Promise.resolve(match);
      }
      if (ended) return Promise.reject(new Error(`process exited without printing ${pattern}\n${tail(stdout, stderr)}`));
      return new Promise((resolve, reject) => {
        const waiter = { pattern, resolve };
        waiters.add(waiter);
        const timer = setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms\n${tail(stdout, stderr)}`));
        }, timeoutMs);
        waiter.resolve = (match) => {
          clearTimeout(timer);
          resolve(match);
        };
        closed.then(() => {
          if (waiters.delete(waiter)) {
            clearTimeout(timer);
            reject(new Error(`process exited without printing ${pattern}\n${tail(stdout, stderr)}`));
          }
        });
      });
    },
    async stop(signal = 'SIGTERM', timeoutMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      await closed;
      return code;
    },
  };
}

/** Ends every child still running (on the runner's own exit or interruption). */
export function killAll() {
  for (const child of running) child.kill('SIGKILL');
}

/** @param {string[]} stdout @param {string[]} stderr */
function tail(stdout, stderr) {
  return `stdout:\n${stdout.slice(-20).join('\n')}\nstderr:\n${stderr.slice(-20).join('\n')}`;
}

/** @param {import('node:stream').Readable | null} stream @param {(line: string) => void} onLine */
function onLines(stream, onLine) {
  if (!stream) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (/** @type {string} */ chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = /** @type {string} */ (lines.pop());
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}

/**
 * Resident memory of a process in bytes (VmRSS), or undefined once it is gone.
 * @param {number} pid
 */
export function residentBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples a process's VmRSS every `intervalMs` until stopped; the peak and the last sample.
 * @param {number} pid @param {number} [intervalMs]
 */
export function sampleResident(pid, intervalMs = 100) {
  let peak = residentBytes(pid) ?? 0;
  let last = peak;
  const timer = setInterval(() => {
    const value = residentBytes(pid);
    if (value === undefined) return;
    last = value;
    if (value > peak) peak = value;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const value = residentBytes(pid);
      if (value !== undefined && value > peak) peak = value;
      return { peak, last: value ?? last };
    },
  };
}

/** A loopback port nothing listens on now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
