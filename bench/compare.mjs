#!/usr/bin/env node
/**
 * Compares two `npm run bench` results, row by row:
 *
 *   node bench/compare.mjs OLD.json NEW.json [--threshold 10]
 *
 * Prints old and new medians, the change in percent and whether it got better or worse (rows that
 * are rates, like lines/s, are better when higher; times and sizes when lower). Changes within the
 * threshold (default 10 %) are shown as noise. Exits 1 when NEW misses a budget that OLD met.
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--threshold');
const t = args.indexOf('--threshold');
const threshold = t >= 0 ? Number(args[t + 1]) : 10;
if (files.length !== 2 || !Number.isFinite(threshold)) {
  process.stderr.write('usage: node bench/compare.mjs OLD.json NEW.json [--threshold PERCENT]\n');
  process.exit(2);
}

const load = (file) => {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(json.rows)) throw new Error(`${file} is not a bench/results.json file`);
  return json;
};
const [before, after] = files.map(load);
const higherIsBetter = (unit) => /\/s$/.test(unit);

function show(row) {
  if (!row || row.value === null || row.value === undefined) return 'n/a';
  if (row.unit === 'bytes') return `${(row.value / 1000).toFixed(1)} KB`;
  return `${row.value.toFixed(row.digits ?? 2)} ${row.unit}`;
}

const ids = [...new Set([...before.rows.map((r) => r.id), ...after.rows.map((r) => r.id)])];
const table = [['measure', 'old', 'new', 'change', '']];
let regressions = 0;
for (const id of ids) {
  const a = before.rows.find((r) => r.id === id);
  const b = after.rows.find((r) => r.id === id);
  const label = (b ?? a).label;
  let change = '';
  let verdict = '';
  if (a && b && typeof a.value === 'number' && typeof b.value === 'number' && a.value !== 0) {
    const pct = ((b.value - a.value) / a.value) * 100;
    change = `${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`;
    const better = higherIsBetter(b.unit) ? pct > 0 : pct < 0;
    verdict = Math.abs(pct) < threshold ? 'noise' : better ? 'better' : 'worse';
  }
  if (b?.budget && b.value !== null && !b.ok && (!a || a.ok || a.value === null)) {
    verdict += verdict ? ', ' : '';
    verdict += 'BUDGET MISSED';
    regressions += 1;
  }
  table.push([label, show(a), show(b), change, verdict]);
}

const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
process.stdout.write(`old: ${files[0]} (${before.createdAt}, ${before.git?.commit ?? '?'}${before.git?.dirty ? '+dirty' : ''})\n`);
process.stdout.write(`new: ${files[1]} (${after.createdAt}, ${after.git?.commit ?? '?'}${after.git?.dirty ? '+dirty' : ''})\n\n`);
process.stdout.write([line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n') + '\n');
if (before.machine?.cpu !== after.machine?.cpu || before.machine?.cores !== after.machine?.cores) {
  process.stdout.write('\nNote: the two runs were on different machines; compare with care.\n');
}
process.exitCode = regressions > 0 ? 1 : 0;
