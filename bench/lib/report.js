// The printed report: one markdown table, the ceilings, memory, cold start, targets and the command.

/**
 * @typedef {object} Row
 * @property {string} phase
 * @property {string} label
 * @property {string} server cognate (sqlite) | cognate (postgres) | cognito-local | do-nothing
 * @property {number} concurrency
 * @property {number} perSecond operations per second
 * @property {number} requestsPerSecond
 * @property {{ p50: number, p90: number, p99: number, max: number, mean: number }} latencyMs
 * @property {number} errors
 * @property {Record<string, { count: number, sample: string }>} errorTypes
 * @property {{ perSecond: number, basis: string } | undefined} ceiling
 * @property {number | undefined} ofCeiling
 * @property {number} loadCpuShare the load process's CPU in the window, in cores
 * @property {number | undefined} serverPeakRssBytes
 * @property {string} [skipped] why the phase did not run against this server
 */

const number = (/** @type {number} */ x) =>
  !Number.isFinite(x) ? '—' : x >= 1000 ? Math.round(x).toLocaleString('en-US') : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const ms = (/** @type {number} */ x) => (!Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const percent = (/** @type {number | undefined} */ x) => (x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)}%`);
export const mb = (/** @type {number | undefined} */ bytes) => (bytes === undefined ? '—' : `${(bytes / 1048576).toFixed(1)} MB`);

/** @param {Row[]} rows */
export function markdownTable(rows) {
  const header = '| operation | server | in flight | per second | p50 ms | p99 ms | errors | ceiling /s | of ceiling |';
  const rule = '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map((row) => {
    if (row.skipped) return `| ${row.label} | ${row.server} | — | — | — | — | — | — | ${row.skipped} |`;
    const ceiling = row.ceiling ? `${number(row.ceiling.perSecond)} (${row.ceiling.basis})` : '—';
    return `| ${row.label} | ${row.server} | ${row.concurrency} | ${number(row.perSecond)} | ${ms(row.latencyMs.p50)} | ${ms(row.latencyMs.p99)} | ${row.errors} | ${ceiling} | ${percent(row.ofCeiling)} |`;
  });
  return [header, rule, ...lines].join('\n');
}

/** @param {Row[]} rows */
export function errorLines(rows) {
  const lines = [];
  for (const row of rows) {
    for (const [type, { count, sample }] of Object.entries(row.errorTypes ?? {})) {
      lines.push(`  ${row.label} (${row.server}): ${count} × ${type}: ${sample}`);
    }
  }
  return lines;
}

/**
 * @typedef {{ target: string, value: string, ok: boolean | undefined }} TargetCheck
 */

/**
 * The targets for a 2-core machine, checked against this run.
 * @param {{ rows: Row[], memory: Record<string, { idleBytes?: number }>, coldStart: Record<string, { medianMs: number } | undefined> }} run
 * @returns {TargetCheck[]}
 */
export function checkTargets({ rows, memory, coldStart }) {
  /** @type {TargetCheck[]} */
  const checks = [];
  const find = (/** @type {string} */ phase, /** @type {string} */ server) => rows.find((r) => r.phase === phase && r.server === server && !r.skipped);
  const noop = rows.find((r) => r.phase === 'noop' && !r.skipped);
  for (const server of ['cognate (sqlite)', 'cognate (postgres)']) {
    if (!rows.some((r) => r.server === server)) continue;
    const srp = find('srp', server);
    if (srp) checks.push({ target: `${server}: SRP sign-in ≥ 200/s`, value: `${number(srp.perSecond)}/s`, ok: srp.perSecond >= 200 && srp.errors === 0 });
    const password = find('password', server);
    if (password) checks.push({ target: `${server}: password sign-in ≥ 80% of hashing ceiling`, value: percent(password.ofCeiling), ok: (password.ofCeiling ?? 0) >= 0.8 && password.errors === 0 });
    for (const id of ['refresh', 'refresh-auth']) {
      const refresh = find(id, server);
      if (refresh) checks.push({ target: `${server}: ${refresh.label} ≥ 70% of signing ceiling`, value: percent(refresh.ofCeiling), ok: (refresh.ofCeiling ?? 0) >= 0.7 && refresh.errors === 0 });
    }
    const getUser = find('getuser', server);
    if (getUser) {
      checks.push({ target: `${server}: GetUser ≥ 5,000/s`, value: `${number(getUser.perSecond)}/s`, ok: getUser.perSecond >= 5000 && getUser.errors === 0 });
      if (noop) checks.push({ target: `${server}: GetUser ≥ 1/3 of the do-nothing server`, value: percent(getUser.perSecond / noop.perSecond), ok: getUser.perSecond >= noop.perSecond / 3 });
    }
    for (const id of ['refresh', 'refresh-auth', 'getuser']) {
      const row = find(id, server);
      if (row && row.concurrency === 16) checks.push({ target: `${server}: ${row.label} p99 < 50 ms at 16 in flight`, value: `${ms(row.latencyMs.p99)} ms`, ok: row.latencyMs.p99 < 50 });
    }
    const idle = memory[server]?.idleBytes;
    if (idle !== undefined) checks.push({ target: `${server}: idle memory < 80 MB`, value: mb(idle), ok: idle < 80 * 1048576 });
    const cold = coldStart[server];
    if (cold) checks.push({ target: `${server}: cold start < 0.5 s`, value: `${cold.medianMs.toFixed(0)} ms`, ok: cold.medianMs < 500 });
  }
  for (const row of rows) {
    if (row.server !== 'cognate (postgres)' || row.skipped) continue;
    const sqlite = find(row.phase, 'cognate (sqlite)');
    if (!sqlite) continue;
    const ratio = row.perSecond / sqlite.perSecond;
    checks.push({ target: `postgres within 25% of sqlite: ${row.label}`, value: percent(ratio), ok: ratio >= 0.75 });
  }
  return checks;
}

/** @param {TargetCheck[]} checks */
export function targetLines(checks) {
  return checks.map((c) => `  ${c.ok === undefined ? '?' : c.ok ? 'met   ' : 'MISSED'} ${c.target}: ${c.value}`);
}
