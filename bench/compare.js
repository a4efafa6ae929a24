#!/usr/bin/env node
// Compares two `npm run bench -- --json=<file>` results, row by row: rate, p99 and share of ceiling.
// Usage: node bench/compare.js before.json after.json
//
// Rates move with the machine; the share of the ceiling (measured in each run) moves less, so a
// change in a server hot path shows best there.

import { readFileSync } from 'node:fs';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('Usage: node bench/compare.js before.json after.json');
  process.exit(2);
}
/** @param {string} file */
const load = (file) => /** @type {{ commit: string, date: string, rows: import('./lib/report.js').Row[] }} */ (JSON.parse(readFileSync(file, 'utf8')));
const before = load(beforeFile);
const after = load(afterFile);

/** @param {number | null | undefined} x @param {number} [digits] */
const show = (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));
/** @param {number | null | undefined} a @param {number | null | undefined} b */
const change = (a, b) => (a && b && Number.isFinite(a) && Number.isFinite(b) ? `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}%` : '—');

console.log(`before: ${before.commit} (${before.date})\nafter:  ${after.commit} (${after.date})\n`);
console.log('| operation | server | per second | change | p99 ms | of ceiling |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const row of after.rows) {
  const old = before.rows.find((r) => r.phase === row.phase && r.server === row.server);
  const pct = (/** @type {number | null | undefined} */ x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
  console.log(
    `| ${row.label} | ${row.server} | ${show(old?.perSecond)} → ${show(row.perSecond)} | ${change(old?.perSecond, row.perSecond)} | ` +
      `${show(old?.latencyMs?.p99, 1)} → ${show(row.latencyMs?.p99, 1)} | ${pct(old?.ofCeiling)} → ${pct(row.ofCeiling)} |`,
  );
}
