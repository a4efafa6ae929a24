import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './free-port.js';

/** The built CLI: process-level tests run what `npm run build` produced, as a deployment would. */
export const cognateJs = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cognate.js');

export interface SpawnServerOptions {
  /** Extra environment (DATABASE_URL, COGNATE_MASTER_KEY, …); HOST, PORT and the data dir are set here. */
  env?: Record<string, string | undefined>;
  dataDir: string;
  /** COGNATE_CONFIG; without it the server uses its default config. */
  configPath?: string;
}

export interface SpawnedServer {
  /** From the "Cognate listening on <url>" line, e.g. http://127.0.0.1:40123. */
  url: string;
  pid: number;
  /** Every stdout line so far; keeps growing while the process runs. */
  stdout: string[];
  stderr: string[];
  /**
   * The first stdout line (already printed or still to come) matching `pattern`; rejects if the
   * process ends first. The banner after "Cognate listening on" (pools, clients) may arrive later.
   */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Sends the signal (SIGTERM by default) and resolves with the exit code (null when killed by a signal). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code, or null when a signal ended the process. */
  exited: Promise<number | null>;
}

const startTimeoutMs = 20_000;
const running = new Set<ChildProcess>();

// Variables the developer's shell may hold that would point a test server at the wrong store or config.
const inheritedVariablesToDrop = /^(HOST|PORT|DATABASE_URL|COGNATE_.*)$/;

/** Runs `node dist/cognate.js serve` (the bundle users run) on a free loopback port and waits until it says it is listening. */
export async function spawnServer(options: SpawnServerOptions): Promise<SpawnedServer> {
  if (!existsSync(cognateJs)) {
    throw new Error(`${cognateJs} does not exist: process-level tests run the built server, so run \`npm run build\` first (\`npm test\` does).`);
  }
  const port = await findFreePort();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !inheritedVariablesToDrop.test(name)) env[name] = value;
  }
  Object.assign(env, { HOST: '127.0.0.1', PORT: String(port), COGNATE_DATA_DIR: options.dataDir });
  if (options.configPath) env.COGNATE_CONFIG = options.configPath;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  // cwd is the data dir so that a cognate.config.json in the repository is never picked up; it must
  // exist for spawn (the server would create it, owner-only, just the same).
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const child = spawn(process.execPath, [cognateJs, 'serve'], { cwd: options.dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lineWaiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  let closed = false;
  const closedPromise = new Promise<void>((resolveClose) => child.once('close', () => {
    closed = true;
    resolveClose();
  }));
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolveExit(code);
    });
  });

  const url = await new Promise<string>((resolveUrl, reject) => {
    const describe = () => `stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cognate did not report "Cognate listening on" within ${startTimeoutMs} ms\n${describe()}`));
    }, startTimeoutMs);
    onLines(child.stdout!, (line) => {
      stdout.push(line);
      for (const waiter of lineWaiters) {
        if (waiter.pattern.test(line)) {
          lineWaiters.delete(waiter);
          waiter.resolve(line);
        }
      }
      const match = /^Cognate listening on (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    onLines(child.stderr!, (line) => stderr.push(line));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cognate could not be started: ${error.message}`));
    });
    // 'close' rather than 'exit': by then both pipes are drained, so the error message is complete.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`cognate exited before listening (code ${code}, signal ${signal})\n${describe()}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    stdout,
    stderr,
    exited,
    waitForLine(pattern) {
      const seen = stdout.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      if (closed) return Promise.reject(new Error(`cognate exited without printing ${pattern}\nstdout:\n${stdout.join('\n')}`));
      return new Promise<string>((resolveLine, reject) => {
        const waiter = { pattern, resolve: resolveLine };
        lineWaiters.add(waiter);
        void closedPromise.then(() => {
          if (lineWaiters.delete(waiter)) reject(new Error(`cognate exited without printing ${pattern}\nstdout:\n${stdout.join('\n')}`));
        });
      });
    },
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** SIGKILLs every server spawnServer started that is still running, and waits for them to exit. */
export async function killSpawnedServers(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
          child.once('exit', () => resolveExit());
          child.kill('SIGKILL');
        }),
    ),
  );
}

// Should the test worker itself exit without running its hooks, leave no server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}
