#!/usr/bin/env node
// Picks a small, spread-out set of reference cells from ../shared/reference (parity files and the
// full-matrix CSV) and writes them to tests/fixtures/parity-cells.jsonl, so a clone without
// ../shared still checks parity. Deterministic: re-running on the same reference gives the same file.
//
//   node scripts/curate-parity-cells.mjs [--per-group N]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reference = join(root, '..', 'shared', 'reference');
const perGroupArg = process.argv.indexOf('--per-group');
const perGroup = perGroupArg >= 0 ? Number(process.argv[perGroupArg + 1]) : 2;

const SETS = ['vision', 'vision_cq', 'llm', 'capability', 'duty', 'budget', 'custom', 'llm_model', 'llm_shape', 'kpi', 'vla'];

/** Groups cells by what makes them different (kind, tier, badge, regime, memory, streams class). */
function groupKey(set, { query, expect }) {
  const tier = query.tier ?? query.custom?.silicon_class ?? 'custom';
  const streams = query.streams === undefined ? '' : query.streams === 1 ? 's1' : 'sN';
  if (query.kind === 'capability') return [set, tier, query.precision_set ? 'set' : '', expect.level].join('|');
  if (query.kind === 'llm_model') return [set, tier, expect.source, expect.dtype_supported, query.memory ? 'memory' : ''].join('|');
  if (query.kind === 'llm_shape') return [set, expect.result_type, expect.source ?? '', expect.regime ?? ''].join('|');
  if (query.kind === 'kpi') return [set, tier, query.llm_enabled].join('|');
  if (query.kind === 'vla') return [set, query.vla, expect.runs, expect.vla_source ?? '', expect.deferred ?? ''].join('|');
  const upgraded = query.memory ? 'memory' : '';
  return [set, query.kind, tier, upgraded, query.precision_set ?? '', expect.source ?? '', expect.regime ?? '', streams, query.slot ?? ''].join('|');
}

/** A cheap deterministic hash so the picks within a group are spread, not the first few lines. */
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const picked = [];
for (const set of SETS) {
  const groups = new Map();
  for (const line of readFileSync(join(reference, 'parity', `${set}.jsonl`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const cell = JSON.parse(line);
    const key = groupKey(set, cell);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(cell);
  }
  for (const [, cells] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    cells.sort((a, b) => hash(a.query.id) - hash(b.query.id));
    picked.push(...cells.slice(0, ['vision', 'llm', 'capability', 'llm_model', 'kpi', 'vla'].includes(set) ? 1 : perGroup));
  }
}

// A few matrix rows, as budget queries at the matrix defaults (duty 1, 2 queries a minute).
const csv = readFileSync(join(reference, 'platform_budget_matrix.csv'), 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
const header = csv[0].split(',');
const parseLine = (line) => {
  const cells = []; let cur = ''; let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c; }
    else if (c === '"') quoted = true; else if (c === ',') { cells.push(cur); cur = ''; } else cur += c;
  }
  cells.push(cur);
  return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
};
const rows = csv.slice(1).map(parseLine);
const TEXT_COLUMNS = new Set(['workload_id', 'workload_category', 'config_summary', 'hw_name', 'hw_mem_type', 'ss_throughput_unit', 'ncu_source_workloads', 'ncu_n_forwards', 'ncu_bundle_timestamp']);
const step = Math.floor(rows.length / 24);
rows.filter((_, i) => i % step === 7).forEach((row, i) => {
  const expect = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'sizer_commit_sha' || k === 'export_timestamp_iso') continue;
    expect[k] = v === '' ? null : TEXT_COLUMNS.has(k) || Number.isNaN(Number(v)) ? v : Number(v);
  }
  const vision = /^vision_(.+)_(720p|1080p|4K)_n(\d+)$/.exec(row.workload_id);
  const llm = /^llm_(Q\d+_K_M|Q\d+_0)_(.+)_(short|rag)$/.exec(row.workload_id);
  const query = vision
    ? { id: `matrix-${i}`, kind: 'budget', slot: 'vision', tier: row.hw_name, pipeline: vision[1], resolution: vision[2], streams: Number(vision[3]), duty_cycle: 1.0 }
    : { id: `matrix-${i}`, kind: 'budget', slot: 'llm', tier: row.hw_name, quant: llm[1], workload: llm[2], queries_per_minute: 2.0, answer_kind: llm[3] };
  picked.push({ query, expect });
});

const out = join(root, 'tests', 'fixtures', 'parity-cells.jsonl');
writeFileSync(out, picked.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`wrote ${picked.length} cells to ${out}`);
