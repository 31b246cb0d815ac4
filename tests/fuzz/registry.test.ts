/**
 * Fuzzing every SIZER worksheet function through runFunction (the path both Excel and HyperFormula
 * take) with thousands of generated argument sets: valid names and numbers mixed with hostile
 * values (unicode, formula-like text, Excel error text, numbers of every sign and size, NaN and
 * infinities, blanks, booleans, ranges, huge and tiny custom tiers in the SIZER.CUSTOMTIER form).
 *
 * Every call must either answer with finite numbers (rates and durations not negative) or reject
 * with a typed FunctionError (#VALUE!, #NUM! or #N/A) carrying a message; no exception may escape,
 * and no engine crash may hide behind the registry's "unexpected failure" fallback.
 *
 * Reproducible: the seed is fixed (FUZZ_SEED overrides it) and a failure prints the function, call
 * number and arguments. FUZZ_CALLS scales the number of calls per function.
 */
import { createBundledEngine } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import { type CellInput, FunctionError, type SizerFunction } from '../../src/functions/registry/types';
import { chance, makePools, pick, prng, type Rand, randomRange, randomScalar } from './gen';
import { RATE_OR_TIME } from './checks';
import { plausible, plausibleTable } from './values';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const CALLS = Number(process.env.FUZZ_CALLS ?? 2500);
/**
 * The full matrix takes tens of milliseconds and has one boolean argument: a few calls cover it. A plan
 * projects every tier, and a calibration refits once per row (leave-one-out): fewer calls.
 */
const CALLS_BY_FUNCTION: Record<string, number> = { MATRIX: 6, PLAN: 400, CALIBRATE: 200 };

const engine = createBundledEngine();
const ctx = { engine };
const pools = makePools(engine, prng(SEED));

const SCALAR_NON_NEGATIVE = new Set(['VISIONFPS', 'TOTALFPS', 'TOKPS', 'TTFT', 'CONTEXTTOKPS', 'FPSUNDERLLM', 'DUTY', 'MAXSTREAMS', 'REQUIREDBW', 'FPSPERWATT', 'TOKPSPERWATT', 'AVGWATTS', 'TCO']);

/** The context a function gives an argument (MINTIER's name is a model or a pipeline...). */
function contextOf(fn: SizerFunction, values: readonly CellInput[]): string {
  const first = typeof values[0] === 'string' ? values[0].trim().toLowerCase() : '';
  if (fn.name === 'LLMSHAPE') return 'shape';
  if (fn.name === 'CONTEXTTOKPS') return 'bundle';
  if (fn.name === 'VLA') return 'vla';
  if (fn.name === 'MINTIER') return first === 'fps' ? 'fps' : 'tokps';
  if (fn.name === 'BUDGETROW') return typeof values[1] === 'string' && values[1].trim().toLowerCase() === 'llm' ? 'llm' : 'vision';
  return '';
}

function hostile(rand: Rand): CellInput {
  return chance(rand, 0.12) ? randomRange(rand, () => randomScalar(rand)) : randomScalar(rand);
}

function argumentsFor(fn: SizerFunction, rand: Rand): CellInput[] {
  // A third of the calls use only in-range values (they should mostly be answered, so the
  // projections themselves are fuzzed); the rest mix edge values and hostile ones.
  const strict = chance(rand, 0.35);
  const validBias = strict ? 1 : pick(rand, [0.95, 0.8, 0.6, 0.3]);
  const values: CellInput[] = [];
  for (const spec of fn.args) {
    let value: CellInput;
    if (spec.type === 'table' && chance(rand, validBias)) {
      value = plausibleTable(rand, pools, spec.name, strict);
    } else if (chance(rand, validBias)) {
      const v = plausible(rand, pools, spec.name, contextOf(fn, values), strict);
      // Optional arguments are often left blank, as in a worksheet.
      value = spec.optional && (v === undefined || chance(rand, 0.35)) ? pick(rand, [null, undefined, '']) : (v ?? hostile(rand));
      if (!strict && chance(rand, 0.03) && value !== undefined) value = [[value as string | number | boolean | null]];
    } else {
      value = hostile(rand);
    }
    values.push(value);
  }
  // Sometimes fewer arguments (trailing ones omitted), sometimes one too many.
  if (!strict && chance(rand, 0.1)) values.length = Math.floor(rand() * (values.length + 1));
  else if (!strict && chance(rand, 0.02)) values.push(hostile(rand));
  return values;
}

function describeCall(fn: SizerFunction, i: number, values: readonly CellInput[]): string {
  const text = JSON.stringify(values, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? '<undefined>' : v));
  return `SIZER.${fn.name} call #${i} (seed ${SEED}): ${text.length > 400 ? `${text.slice(0, 400)}...` : text}`;
}

/** Problems with one outcome, or an empty list. */
function problemsOf(fn: SizerFunction, values: readonly CellInput[], run: () => ReturnType<typeof runFunction>): string[] {
  let outcome: ReturnType<typeof runFunction>;
  try {
    outcome = run();
  } catch (error) {
    return [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
  }
  const problems: string[] = [];
  if (!outcome.ok) {
    const e = outcome.error;
    if (!(e instanceof FunctionError)) problems.push(`rejected with a ${typeof e} that is not a FunctionError`);
    if (!['value', 'num', 'na'].includes(e.kind)) problems.push(`error kind ${String(e.kind)}`);
    if (typeof e.message !== 'string' || e.message.trim() === '') problems.push('error without a message');
    else if (/unexpected failure/.test(e.message)) problems.push(`engine crash behind #VALUE!: ${e.message.slice(0, 300)}`);
    return problems;
  }
  const value = outcome.value;
  const checkNumber = (n: number, where: string, name: string | null): void => {
    if (!Number.isFinite(n)) problems.push(`${where} is ${n}`);
    else if (name !== null && RATE_OR_TIME.test(name) && n < 0) problems.push(`${where} (${name}) is negative: ${n}`);
  };
  if (Array.isArray(value)) {
    const header = value.length >= 2 && value[0]?.every((c) => typeof c === 'string' && /^[a-z0-9_]+$/.test(c)) ? (value[0] as string[]) : null;
    value.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === 'number') checkNumber(cell, `cell [${r}][${c}]`, header && r > 0 ? (header[c] ?? null) : null);
        else if (!['string', 'boolean'].includes(typeof cell)) problems.push(`cell [${r}][${c}] is ${typeof cell}`);
      }),
    );
  } else if (typeof value === 'number') {
    const field = fn.args.some((a) => a.name === 'field') ? values[fn.args.findIndex((a) => a.name === 'field')] : null;
    const name = typeof field === 'string' ? field.trim().toLowerCase() : SCALAR_NON_NEGATIVE.has(fn.name) ? 'fps' : null;
    checkNumber(value, 'result', name);
  } else if (!['string', 'boolean'].includes(typeof value)) {
    problems.push(`result is ${typeof value}`);
  }
  return problems;
}

describe('fuzz: every SIZER worksheet function answers or rejects cleanly', () => {
  const stats: string[] = [];
  afterAll(() => {
    if (process.env.FUZZ_VERBOSE) process.stdout.write(`${stats.join('\n')}\n`);
  });

  for (const fn of SIZER_FUNCTIONS) {
    it(`SIZER.${fn.name}`, () => {
      const rand = prng(SEED ^ [...fn.name].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
      const calls = CALLS_BY_FUNCTION[fn.name] ?? CALLS;
      const failures: string[] = [];
      let answered = 0;
      const rejections = new Map<string, number>();
      for (let i = 0; i < calls && failures.length < 8; i++) {
        const values = argumentsFor(fn, rand);
        const problems = problemsOf(fn, values, () => runFunction(ctx, fn, values));
        if (problems.length > 0) {
          failures.push(`${describeCall(fn, i, values)}\n    -> ${problems.join('; ')}`);
          continue;
        }
        const outcome = runFunction(ctx, fn, values);
        if (outcome.ok) answered += 1;
        else {
          const shape = `${outcome.error.kind}: ${outcome.error.message.replace(/"[^"]*"|-?[\d.]+(e[+-]?\d+)?/g, '_').slice(0, 90)}`;
          rejections.set(shape, (rejections.get(shape) ?? 0) + 1);
        }
      }
      const top = [...rejections].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([m, n]) => `      ${n} x ${m}`);
      stats.push([`SIZER.${fn.name}: ${answered}/${calls} answered`, ...top].join('\n'));
      expect(failures).toEqual([]);
      // The valid names mixed in must get many calls through to the engine, or the fuzzing is shallow.
      if (fn.args.some((a) => !a.optional)) expect(answered).toBeGreaterThan(calls * 0.05);
    });
  }
});
