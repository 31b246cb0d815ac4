/**
 * Fuzzing `sizer query` (answerLine, what the CLI runs for every input line) with thousands of
 * generated JSON lines per kind: valid fields mixed with hostile values (wrong types, unicode,
 * formula-like text, numbers of every sign and size, -0, 1e400 written as a JSON literal, nested
 * arrays and objects, unknown fields), huge and tiny `custom` tiers, plus malformed lines.
 *
 * Every line must get one object back, never an exception: either a result whose numbers are all
 * finite (so the JSON the CLI prints never turns an Infinity into null) with no negative rate or
 * duration, or an error with a code from the documented set and a non-empty message, carrying the
 * line's id. Reproducible: fixed seed (FUZZ_SEED), failures print the line.
 */
import { createBundledEngine } from '../../src/engine';
import { answerLine } from '../../src/cli/query';
import { QUERY_KINDS } from '../../src/cli/kinds';
import { chance, EXCEL_ERRORS, makePools, pick, prng, type Rand, randomNumber, randomScalar, randomString } from './gen';
import { DOCUMENTED_CODES, RATE_OR_TIME } from './checks';
import { knownQueryBug } from './known-bugs';
import { plausible, plausibleTable } from './values';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const LINES_PER_KIND = Number(process.env.FUZZ_CALLS ?? 2500);
const MALFORMED_LINES = 3000;


const engine = createBundledEngine();
const pools = makePools(engine, prng(SEED));

/** Each kind's own fields (besides id, kind and the hardware fields every kind takes). */
const KIND_FIELDS: Record<string, readonly string[]> = {
  vision: ['pipeline', 'resolution', 'streams', 'npu_share', 'compiler_quality'],
  llm: ['quant', 'workload', 'npu_share', 'measurement_key', 'fp4_maturity'],
  capability: ['dtype'],
  duty: ['pipeline', 'resolution', 'streams', 'npu_share', 'compiler_quality', 'quant', 'workload', 'measurement_key', 'fp4_maturity', 'queries_per_minute', 'answer_kind'],
  // budget and kpi rows run at the tier default share (npu_share must be left out): it comes as an extra field.
  budget: ['slot', 'pipeline', 'resolution', 'streams', 'duty_cycle', 'quant', 'workload', 'queries_per_minute', 'answer_kind'],
  llm_model: ['model', 'quant', 'workload', 'npu_share', 'fp4_maturity'],
  llm_shape: ['model', 'quant_scheme', 'bytes_per_param', 'gguf_size_gb', 'compute_dtype', 'workload', 'prompt_tokens', 'decode_tokens', 'npu_share', 'fp4_maturity', 'compiler_quality', 'host_ms'],
  kpi: ['pipeline', 'resolution', 'llm_enabled', 'quant', 'workload', 'compiler_quality'],
  llm_context: ['model', 'context_tokens', 'npu_share', 'compiler_quality'],
  what_if: ['name', 'is_moe', 'active_params_b', 'total_params_b', 'bytes_per_param', 'hidden_dim', 'num_layers', 'prompt_tokens', 'decode_tokens', 'npu_share', 'compiler_quality'],
  vla: ['vla', 'dtype', 'cameras', 'fleet_size', 'camera_mode', 'n_action_tokens', 'npu_share'],
  // The slots (vision, llm, vla) are nested objects: see CONFIG_SLOTS.
  config: ['npu_share'],
};
/** The config kind's slots: each field with the name whose plausible values it takes. */
const CONFIG_SLOTS: Record<string, readonly (readonly [field: string, valuesOf: string])[]> = {
  vision: [['enabled', 'llm_enabled'], ['pipeline', 'pipeline'], ['resolution', 'resolution'], ['streams', 'streams'], ['compiler_quality', 'compiler_quality']],
  llm: [['enabled', 'llm_enabled'], ['model', 'model'], ['quant', 'quant'], ['workload', 'workload'], ['queries_per_minute', 'queries_per_minute'], ['answer_kind', 'answer_kind'], ['fp4_maturity', 'fp4_maturity']],
  vla: [['enabled', 'llm_enabled'], ['model', 'vla'], ['cameras', 'cameras'], ['fleet_size', 'fleet_size'], ['camera_mode', 'camera_mode']],
};
/** Fields a kind answers without (the rest are required). */
const OPTIONAL_OFTEN = new Set(['npu_share', 'compiler_quality', 'measurement_key', 'fp4_maturity', 'host_ms', 'gguf_size_gb', 'bytes_per_param', 'compute_dtype', 'quant_scheme', 'n_action_tokens']);
const CUSTOM_FIELDS = [
  'name', 'silicon_class', 'peak_tops_int8', 'peak_tops_bf16', 'peak_tops_fp8', 'peak_tops_fp4', 'mem_bandwidth_gbs', 'mem_capacity_gb',
  'mem_bus_width_bits', 'mem_type', 'mem_data_rate_gtps', 'npu_precision_set', 'compute_efficiency', 'bandwidth_efficiency', 'tdp_watts',
];

/** Raw JSON number literals that JSON.stringify cannot write (1e400 parses to Infinity). */
const RAW_NUMBERS = ['1e400', '-1e400', '-0', '1E-400', '4.9e-324', '1.7976931348623157e308', '0.0000000000000000000001', '123456789012345678901234567890'];
const RAW = '\u0001raw:';

function jsonJunk(rand: Rand, depth = 0): unknown {
  switch (Math.floor(rand() * 10)) {
    case 0:
      return null;
    case 1:
      return chance(rand, 0.5);
    case 2:
      return randomNumber(rand);
    case 3:
      return `${RAW}${pick(rand, RAW_NUMBERS)}`;
    case 4:
      return depth < 3 ? Array.from({ length: Math.floor(rand() * 4) }, () => jsonJunk(rand, depth + 1)) : [];
    case 5:
      return depth < 3 ? { [randomString(rand).slice(0, 20)]: jsonJunk(rand, depth + 1), __proto__x: 1 } : {};
    case 6:
      return pick(rand, EXCEL_ERRORS);
    default:
      return randomString(rand);
  }
}

function customObject(rand: Rand, strict: boolean): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  for (const field of CUSTOM_FIELDS) {
    const required = field === 'mem_capacity_gb';
    if (!required && chance(rand, 0.45)) continue;
    const value = plausible(rand, pools, field, 'custom', strict);
    custom[field] = !strict && chance(rand, 0.1) ? jsonJunk(rand) : (value ?? null);
  }
  if (strict && custom.mem_bandwidth_gbs === undefined && (custom.mem_bus_width_bits === undefined || custom.mem_data_rate_gtps === undefined)) {
    custom.mem_bandwidth_gbs = pick(rand, [50, 102.4, 1000]);
  }
  if (strict && !['peak_tops_int8', 'peak_tops_bf16', 'peak_tops_fp8'].some((k) => typeof custom[k] === 'number' && (custom[k] as number) > 0)) custom.peak_tops_int8 = 10;
  if (!strict && chance(rand, 0.05)) custom[randomString(rand).slice(0, 12) || 'extra'] = 1;
  return custom;
}

function contextFor(kind: string, q: Record<string, unknown>): string {
  if (kind === 'llm_shape') return 'shape';
  if (kind === 'llm_context') return 'bundle';
  if (kind === 'vla') return 'vla';
  if (kind === 'budget') return q.slot === 'llm' ? 'llm' : 'vision';
  return '';
}

/**
 * A plan line: its requirements as JSON rows, made from the same plausible SIZER.PLAN tables the
 * worksheet fuzzer uses, with candidate tiers and prices (the plan kind takes no hardware fields).
 */
function planLine(q: Record<string, unknown>, rand: Rand, strict: boolean): string {
  const table = plausibleTable(rand, pools, 'requirements', strict);
  const rows = Array.isArray(table)
    ? table.map(([kind, name, option, amount, target, answer]) => {
        if (kind === 'vision') return { kind, pipeline: name, resolution: option || null, cameras: amount, target_fps: target };
        if (kind === 'llm') return { kind, model: name, quant: option || null, queries_per_minute: amount === '' ? null : amount, workload: target || null, answer_kind: answer || null };
        if (kind === 'sites') return { kind, sites: amount };
        return strict ? null : { kind, name };
      }).filter((row) => row !== null)
    : table;
  q.requirements = !strict && chance(rand, 0.1) ? jsonJunk(rand) : rows;
  const tiers = plausibleTable(rand, pools, 'tiers', strict);
  if (Array.isArray(tiers)) q.tiers = tiers.map((row) => row[0]);
  if (chance(rand, 0.6)) q.prices = { unit_price: plausible(rand, pools, 'unit_price', '', strict) ?? null, price_per_kwh: plausible(rand, pools, 'price_per_kwh', '', strict) ?? null, years: plausible(rand, pools, 'years', '', strict) ?? null };
  if (!strict && chance(rand, 0.05)) q.tier = 'mid';
  return JSON.stringify(q);
}

/** One query line for a kind; strict lines stay inside the documented ranges. */
function queryLine(kind: string, rand: Rand, i: number): string {
  const strict = chance(rand, 0.35);
  const q: Record<string, unknown> = { kind };
  if (chance(rand, 0.8)) q.id = chance(rand, 0.7) ? `${kind}-${i}` : chance(rand, 0.5) ? i : jsonJunk(rand);
  if (kind === 'plan') return planLine(q, rand, strict);
  // Hardware: a preset (sometimes upgraded), a custom tier object, both, or neither.
  const hw = rand();
  if (hw < 0.65 || strict) q.tier = plausible(rand, pools, 'tier', '', strict);
  else if (hw < 0.9) q.custom = customObject(rand, strict);
  else if (hw < 0.95) {
    q.tier = plausible(rand, pools, 'tier');
    q.custom = customObject(rand, strict);
  }
  if (strict && chance(rand, 0.15)) {
    delete q.tier;
    q.custom = customObject(rand, true);
  }
  if (chance(rand, strict ? 0.2 : 0.3)) q.memory = plausible(rand, pools, 'memory');
  if (chance(rand, strict ? 0.1 : 0.2)) q.precision_set = plausible(rand, pools, 'precision_set');
  for (const field of KIND_FIELDS[kind] ?? []) {
    if (OPTIONAL_OFTEN.has(field) && chance(rand, 0.5)) continue;
    if (!strict && chance(rand, 0.06)) continue;
    if (!strict && chance(rand, 0.2)) {
      q[field] = jsonJunk(rand);
      continue;
    }
    if (field === 'context_tokens' && chance(rand, 0.3)) {
      q[field] = Array.from({ length: strict ? 1 + Math.floor(rand() * 5) : Math.floor(rand() * 8) }, () => plausible(rand, pools, field, '', strict));
      continue;
    }
    const value = plausible(rand, pools, field, contextFor(kind, q), strict);
    if (value !== undefined) q[field] = value;
    else if (!strict && chance(rand, 0.3)) q[field] = null;
  }
  if (kind === 'config') {
    for (const [slot, fields] of Object.entries(CONFIG_SLOTS)) {
      if (chance(rand, 0.2)) continue;
      if (!strict && chance(rand, 0.1)) {
        q[slot] = jsonJunk(rand);
        continue;
      }
      const value: Record<string, unknown> = {};
      for (const [field, valuesOf] of fields) {
        if (chance(rand, 0.3)) continue;
        value[field] = !strict && chance(rand, 0.1) ? jsonJunk(rand) : (plausible(rand, pools, valuesOf, '', strict) ?? null);
      }
      q[slot] = value;
    }
  }
  if (strict && kind === 'what_if') {
    // In range means a consistent model: a dense one reads all its parameters, a MoE at most all.
    if (q.is_moe === false) delete q.active_params_b;
    const [a, t] = [q.active_params_b, q.total_params_b];
    if (typeof a === 'number' && typeof t === 'number' && a > t) [q.active_params_b, q.total_params_b] = [t, a];
  }
  if (!strict && chance(rand, 0.05)) q[pick(rand, ['extra', 'Tier', 'streams ', '__proto__', 'constructor', 'npu_share', randomString(rand).slice(0, 16)])] = jsonJunk(rand);
  let line = JSON.stringify(q);
  line = line.replace(new RegExp(`"${RAW}([^"]*)"`, 'g'), '$1');
  return line;
}

function malformedLine(rand: Rand): string {
  const kind = pick(rand, [...QUERY_KINDS.map((k) => k.kind), 'VISION', 'Vision ', 'unknown', '', 'toString', '__proto__', 'constructor']);
  switch (Math.floor(rand() * 12)) {
    case 0:
      return pick(rand, ['', ' ', 'null', 'true', '0', '"vision"', '[]', '[{"kind":"vision"}]', '{}', '{"kind":null}', '{"kind":1}', '{"kind":["vision"]}']);
    case 1:
      return `{"kind":"${kind}",`;
    case 2:
      return `{"kind":"${kind}", "tier": "mid"}}`;
    case 3:
      return '['.repeat(1 + Math.floor(rand() * 5000)) + ']'.repeat(Math.floor(rand() * 2));
    case 4:
      return `{"kind":"vision","tier":"mid","pipeline":"sam3_bf16","streams":${pick(rand, RAW_NUMBERS)}}`;
    case 5:
      return `{"kind":"${kind}","id":${pick(rand, ['{}', '[]', 'true', 'null', '1e400', '"x"'])}}`;
    case 6:
      return `{"kind":"${kind}","kind":"llm","tier":"mid"}`;
    case 7:
      return `{"__proto__":{"kind":"vision"},"tier":"mid","pipeline":"sam3_bf16"}`;
    case 8:
      return `{"kind":"${kind}","tier":"mid","pipeline":"sam3_bf16","custom":{"mem_capacity_gb":1,"__proto__":{"peak_tops_int8":5}}}`;
    case 9:
      return JSON.stringify({ kind, tier: randomScalar(rand, false), pipeline: randomString(rand) }).slice(0, Math.floor(rand() * 60));
    case 10:
      return `\ufeff{"kind":"${kind}","tier":"mid"}`;
    default:
      return JSON.stringify(jsonJunk(rand));
  }
}

/** The id answerLine must echo: the line's own id when it is a string or a number, else null. */
function expectedId(line: string): string | number | null | undefined {
  try {
    const raw = JSON.parse(line) as unknown;
    if (raw !== null && typeof raw === 'object' && 'id' in raw) {
      const id = (raw as { id: unknown }).id;
      return typeof id === 'string' || typeof id === 'number' ? id : null;
    }
    return null;
  } catch {
    return null;
  }
}

function numericProblems(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number') {
    const key = path.split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
    if (!Number.isFinite(value)) out.push(`${path} is ${value} (printed as null)`);
    else if (RATE_OR_TIME.test(key) && value < 0) out.push(`${path} is negative: ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => numericProblems(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numericProblems(v, path ? `${path}.${k}` : k, out);
}

/** Problems with the answer to one line, or an empty list. */
function lineProblems(line: string, answer: () => unknown): string[] {
  let result: unknown;
  try {
    result = answer();
  } catch (error) {
    return [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return [`answer is not an object: ${String(result)}`];
  const r = result as Record<string, unknown>;
  const problems: string[] = [];
  if (!Object.is(r.id, expectedId(line))) problems.push(`id ${JSON.stringify(r.id)} instead of ${JSON.stringify(expectedId(line))}`);
  if ('error' in r) {
    const e = r.error as { code?: unknown; message?: unknown };
    if (!DOCUMENTED_CODES.includes(String(e?.code))) problems.push(`error code ${String(e?.code)}: ${String(e?.message).slice(0, 300)}`);
    if (typeof e?.message !== 'string' || e.message.trim() === '') problems.push('error without a message');
    return problems;
  }
  numericProblems(r, '', problems);
  try {
    JSON.stringify(r);
  } catch (error) {
    problems.push(`result cannot be printed: ${String(error)}`);
  }
  return problems;
}

function shortLine(line: string): string {
  return line.length > 500 ? `${line.slice(0, 500)}... (${line.length} chars)` : line;
}

describe('fuzz: every sizer query kind answers or rejects cleanly', () => {
  const stats: string[] = [];
  afterAll(() => {
    if (process.env.FUZZ_VERBOSE) process.stdout.write(`${stats.join('\n')}\n`);
  });

  for (const { kind } of QUERY_KINDS) {
    it(`kind ${kind}`, () => {
      const rand = prng(SEED ^ [...kind].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 11));
      const failures: string[] = [];
      let answered = 0;
      const codes = new Map<string, number>();
      const known = new Map<string, number>();
      for (let i = 0; i < LINES_PER_KIND && failures.length < 8; i++) {
        const line = queryLine(kind, rand, i);
        let result: unknown;
        const problems = lineProblems(line, () => (result = answerLine(engine, line)));
        const bug = problems.length > 0 ? knownQueryBug(line) : null;
        if (bug !== null) known.set(bug, (known.get(bug) ?? 0) + 1);
        else if (problems.length > 0) failures.push(`line #${i} (seed ${SEED}): ${shortLine(line)}\n    -> ${problems.join('; ')}`);
        else if (result && typeof result === 'object' && 'error' in result) {
          const code = (result as { error: { code: string } }).error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        } else answered += 1;
      }
      stats.push(`${kind}: ${answered}/${LINES_PER_KIND} answered; ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}${known.size ? `; known bugs: ${[...known].map(([b, n]) => `${n} x ${b}`).join(', ')}` : ''}`);
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(LINES_PER_KIND * 0.05);
    });
  }

  it('malformed lines, unknown kinds and hostile JSON', () => {
    const rand = prng(SEED ^ 0xbad);
    const failures: string[] = [];
    for (let i = 0; i < MALFORMED_LINES && failures.length < 8; i++) {
      const line = malformedLine(rand);
      const problems = lineProblems(line, () => answerLine(engine, line));
      if (problems.length > 0) failures.push(`line #${i} (seed ${SEED}): ${shortLine(line)}\n    -> ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});
