/**
 * HyperFormula (the stand-in formula engine) with the SIZER plugin: a sheet of 10,000 SIZER.* cells
 * that all depend on one input cell (A1, the tier), each with its own literal arguments. Timed: the
 * synchronous recalculation after A1 changes to another tier.
 *
 * "cold": a fresh registry runner for the change (its result memo empty), as on the first time a
 * workbook sees that tier; every cell runs the engine. "warm": A1 goes back to a tier this runner
 * has already answered, so the cells are memo hits and the time is mostly HyperFormula's own.
 * Prints one JSON object on standard output.
 *
 *   node <compiled>/bench/hyperformula.js [--cells 10000] [--repeats 7]
 */
import { HyperFormula } from 'hyperformula';
import { createBundledEngine } from '../src/engine';
import { registerSizerFunctions } from '../src/functions/hyperformula/plugin';
import { SIZER_FUNCTIONS } from '../src/functions/registry';
import { createRunner, type Runner } from '../src/functions/registry/invoke';
import { elapsedMs, nowNs, option, pick, prng, summarize } from './lib';

const CELLS = option('cells', 10_000);
const REPEATS = option('repeats', 7);
const COLUMNS = 100;

const engine = createBundledEngine();
let runner: Runner = createRunner({ engine });
registerSizerFunctions(HyperFormula, SIZER_FUNCTIONS, () => runner);

const rand = prng(0xf00d);
const catalog = engine.catalog;
const pipelines = catalog.pipelines.map((p) => p.key);
const resolutions = catalog.files['vision.json'].resolutions;
const quants = Object.keys(catalog.quantByKey);
const workloads = Object.keys(catalog.workloadByKey);
const models = catalog.models.map((m) => m.key);
const tiers = catalog.ladder.map((t) => t.name);

/** Cell i's formula: five scalar functions in turn, every cell with a distinct NPU share or load. */
function formula(i: number): string {
  const share = (0.2 + (0.8 * i) / CELLS).toFixed(6);
  const streams = 1 + Math.floor(rand() * 16);
  const q = (s: string): string => JSON.stringify(s);
  switch (i % 5) {
    case 0:
      return `=SIZER.VISIONFPS($A$1,${q(pick(rand, pipelines))},${q(pick(rand, resolutions))},${streams},${share})`;
    case 1:
      return `=SIZER.TOKPS($A$1,${q(pick(rand, models))},${q(pick(rand, quants))},${q(pick(rand, workloads))},${share})`;
    case 2:
      return `=SIZER.TOTALFPS($A$1,${q(pick(rand, pipelines))},${q(pick(rand, resolutions))},${streams},${share})`;
    case 3:
      return `=SIZER.DUTY($A$1,${(1 + (10 * i) / CELLS).toFixed(6)},${q(pick(rand, ['short', 'rag']))},${q(pick(rand, quants))},${q(pick(rand, workloads))})`;
    default:
      return `=SIZER.FPSUNDERLLM($A$1,${q(pick(rand, pipelines))},${q(pick(rand, resolutions))},${streams},${(1 + (10 * i) / CELLS).toFixed(6)})`;
  }
}

const rows: (string | number | null)[][] = [[tiers[0] ?? 'mid'], []];
for (let i = 0; i < CELLS; i++) {
  const r = 2 + Math.floor(i / COLUMNS);
  (rows[r] ??= [])[i % COLUMNS] = formula(i);
}

const buildStart = nowNs();
const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', maxColumns: COLUMNS + 1, maxRows: rows.length + 1 });
const buildMs = elapsedMs(buildStart);

function census(): { numbers: number; errors: number } {
  let numbers = 0;
  let errors = 0;
  for (let i = 0; i < CELLS; i++) {
    const value = hf.getCellValue({ sheet: 0, row: 2 + Math.floor(i / COLUMNS), col: i % COLUMNS });
    if (typeof value === 'number') numbers += 1;
    else errors += 1;
  }
  return { numbers, errors };
}

function setTier(name: string): number {
  const start = nowNs();
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, name);
  return elapsedMs(start);
}

const cold: number[] = [];
const warm: number[] = [];
let previous = tiers[0] ?? 'mid';
for (let r = 0; r < REPEATS + 1; r++) {
  const next = tiers[(r + 1) % tiers.length] ?? 'mid';
  runner = createRunner({ engine });
  const coldMs = setTier(next);
  setTier(previous); // cold too (new runner), so the next change back is a memo hit
  const warmMs = setTier(next);
  if (r > 0) {
    // the first round warms up HyperFormula and the JIT
    cold.push(coldMs);
    warm.push(warmMs);
  }
  previous = next;
}

process.stdout.write(JSON.stringify({ cells: CELLS, buildMs, cold: summarize(cold), warm: summarize(warm), lastValues: census() }) + '\n');
