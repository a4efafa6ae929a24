// Summaries of a V8 .cpuprofile (node --cpu-prof) over a time window: the functions with the most
// self time, self time by package, and inclusive time of the server's own functions. The window is
// in CLOCK_MONOTONIC microseconds, the clock both V8's profile timestamps and process.hrtime use, so
// a load process's measured window selects the samples of its phase in the server's profile.

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} CpuProfile
 * @typedef {{ name: string, ms: number, share: number }} Line
 * @typedef {{ windowMs: number, sampledMs: number, busyShare: number, functions: Line[], packages: Line[], inclusive: Line[] }} ProfileSummary
 */

/** @param {string} url */
export function packageOf(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 14).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const dist = url.indexOf('/packages/server/dist/');
  if (dist >= 0) return `cognate ${url.slice(dist + 22).split('/').slice(0, -1).join('/') || '.'}`;
  return url.replace(/^file:\/\//, '');
}

/** @param {CallFrame} frame */
function functionKey(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/packages\/server\/dist\//, '');
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

const pseudo = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * @param {CpuProfile} profile
 * @param {{ window?: [number, number], top?: number }} [options]
 * @returns {ProfileSummary}
 */
export function summariseProfile(profile, { window, top = 15 } = {}) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const [from, to] = window ?? [profile.startTime, profile.endTime];
  /** @type {Map<number, number>} µs of self time per node */
  const selfUs = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    const duration = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + duration);
  }

  /** @type {Map<string, number>} */
  const functions = new Map();
  /** @type {Map<string, number>} */
  const packages = new Map();
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  let sampled = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = /** @type {ProfileNode} */ (byId.get(id)).callFrame;
    sampled += us;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const key = functionKey(frame);
    functions.set(key, (functions.get(key) ?? 0) + us);
    const pkg = pseudo.has(frame.functionName) ? frame.functionName : packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    // Inclusive time of the server's own functions on this stack (each counted once per sample).
    /** @type {Set<string>} */
    const seen = new Set();
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) {
      const f = /** @type {ProfileNode} */ (byId.get(at)).callFrame;
      if (!f.url.includes('/packages/server/dist/')) continue;
      const k = functionKey(f);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const busy = sampled - idle;
  const lines = (/** @type {Map<string, number>} */ map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busy ? us / busy : 0 }));
  return {
    windowMs: (to - from) / 1000,
    sampledMs: sampled / 1000,
    busyShare: sampled ? busy / sampled : 0,
    functions: lines(functions),
    packages: lines(packages),
    inclusive: lines(inclusive),
  };
}

/** @param {string} title @param {ProfileSummary} summary */
export function formatSummary(title, summary) {
  const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const block = (/** @type {string} */ heading, /** @type {Line[]} */ lines) =>
    [`  ${heading}`, ...lines.map((line) => `    ${pct(line.share)} ${line.ms.toFixed(0).padStart(6)} ms  ${line.name}`)].join('\n');
  return [
    `${title}: main thread busy ${pct(summary.busyShare).trim()} of ${summary.sampledMs.toFixed(0)} ms sampled (shares below are of busy time)`,
    block('self time by function', summary.functions),
    block('self time by package', summary.packages),
    block('inclusive time, server functions (synchronous part)', summary.inclusive),
  ].join('\n');
}
