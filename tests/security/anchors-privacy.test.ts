/**
 * Private anchors never leak: their values (distinctive fake ones here) appear in no error message of
 * the worksheet functions, in no error line or standard-error text of the built `sizer query`, and the
 * platform-budget matrix exported as CSV is byte-for-byte the same with and without an anchors file.
 * Rejected anchors files (bad syntax, bad values, a value used as a key) are refused without quoting
 * them. Only answers that are anchored on purpose carry anchored numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { budgetRowsToCsv, createBundledEngine, parseAnchors } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput } from '../../src/functions/registry/types';
import { chance, makePools, pick, prng, randomScalar } from '../fuzz/gen';
import { plausible } from '../fuzz/values';

/** The CLI npm test builds (SIZER_CLI points elsewhere, e.g. at a build in a temporary folder). */
const CLI = process.env.SIZER_CLI ?? join(__dirname, '..', '..', 'dist', 'cli.js');

/** Fake anchor values chosen to be recognisable anywhere they might leak. */
const VALUES = {
  moeTokps: 43210.98765,
  moePrefill: 86420.13579,
  denseTokps: 7654.32109,
  cnnMs: 3.1415926535,
  cnnFps: 318.3098862,
  memGb: 123.456789,
  note: 'TOPSECRET-NOTE-5309',
};
/** The values as they could be printed: in full, rounded, and their distinctive integer parts. */
const SECRETS = [
  '43210.98765', '43210.99', '43211', '43210', '86420.13579', '86420', '7654.32109', '7654.32', '3.1415926535', '3.14159', '318.3098862', '318.31', '123.456789',
  '123.457', VALUES.note,
];

const GOOD = {
  npu_llm_anchors: {
    mid_int8: {
      qwen3_30b_a3b_moe: { tokps: VALUES.moeTokps, prefill_tokps: VALUES.moePrefill, mem_gb: VALUES.memGb, source: 'measured', measured_date: '2000-01-01', notes: VALUES.note },
    },
    high_fp: { qwen25_7b_dense: { tokps: VALUES.denseTokps, source: 'measured', measured_date: '2000-01-01', notes: VALUES.note } },
  },
  cnn_anchors: {
    mid_int8: { yolov8n_w8: { ms_per_inference: VALUES.cnnMs, fps: VALUES.cnnFps, source: 'measured', measured_date: '2000-01-01', notes: VALUES.note } },
  },
};

/** Files the CLI must refuse without quoting them. */
const BAD_FILES: Record<string, string> = {
  'bad-syntax.toml': `[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]\ntokps = ${VALUES.moeTokps}\nnotes = "${VALUES.note}\nprefill_tokps = ${VALUES.moePrefill}\n`,
  'bad-value.json': JSON.stringify({ npu_llm_anchors: { mid_int8: { qwen3_30b_a3b_moe: { tokps: -VALUES.moeTokps, source: VALUES.note, measured_date: '2000-01-01', prefill_tokps: VALUES.moePrefill } } } }),
  'bad-date.toml': `[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]\ntokps = ${VALUES.moeTokps}\nsource = "measured"\nmeasured_date = "${VALUES.note}"\n`,
  'value-as-key.json': JSON.stringify({ npu_llm_anchors: { [String(VALUES.moeTokps)]: { qwen3_30b_a3b_moe: { tokps: VALUES.denseTokps, source: 'measured', measured_date: '2000-01-01' } } } }),
  'bad-json.json': `{"npu_llm_anchors": {"mid_int8": {"qwen3_30b_a3b_moe": {"tokps": ${VALUES.moeTokps}, "notes": "${VALUES.note}"`,
  'extra-secret.toml': `password = "${VALUES.note}"\n[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]\ntokps = ${VALUES.moeTokps}\nsource = "measured"\nmeasured_date = 2000-01-01\n`,
};

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sizer-anchors-privacy-'));
  writeFileSync(join(dir, 'anchors.json'), JSON.stringify(GOOD));
  for (const [name, text] of Object.entries(BAD_FILES)) writeFileSync(join(dir, name), text);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('anchors privacy: the worksheet functions', () => {
  const anchors = parseAnchors(JSON.stringify(GOOD), 'json');
  const engine = createBundledEngine({ anchors });
  const pools = makePools(engine, prng(7));

  it('are anchored (so the checks below are meaningful)', () => {
    const fn = SIZER_FUNCTIONS.find((f) => f.name === 'LLM');
    const outcome = fn && runFunction({ engine }, fn, ['NPU Mid', 'skippy_finetune', 'Q4_K_M', null, null, 'source']);
    expect(outcome).toEqual({ ok: true, value: [['measured_silicon_anchor']] });
  });

  it('never put an anchor value in an error message', () => {
    const rand = prng(0x5eed);
    const messages: string[] = [];
    for (const fn of SIZER_FUNCTIONS.filter((f) => f.name !== 'MATRIX')) {
      for (let i = 0; i < 300; i++) {
        const values: CellInput[] = fn.args.map((a) => (chance(rand, 0.8) ? (plausible(rand, pools, a.name, '', chance(rand, 0.5)) ?? null) : randomScalar(rand)));
        // Aim at the anchored cells: Mid and High, the anchored model and pipeline.
        if (fn.args[0]?.name === 'tier' && chance(rand, 0.6)) values[0] = pick(rand, ['NPU Mid', 'mid', 'NPU High', 'high']);
        const outcome = runFunction({ engine }, fn, values);
        // A message may echo what the caller typed (a random value can contain an anchor's digits):
        // as for the CLI below, compare against the anchors only where the call did not carry them.
        if (!outcome.ok && leaks(JSON.stringify(values)).length === 0) messages.push(outcome.error.message);
      }
    }
    expect(messages.length).toBeGreaterThan(1000);
    expect(messages.flatMap((m) => leaks(m).map((s) => `${s} in: ${m.slice(0, 200)}`))).toEqual([]);
  });

  it('keep the platform-budget matrix unanchored: the CSV is the same with and without anchors', () => {
    const plain = createBundledEngine();
    const options = { commitSha: 'test', exportTimestampIso: '2000-01-01T00:00:00+00:00' };
    const withAnchors = budgetRowsToCsv(engine.catalog, engine.matrix(), options);
    expect(withAnchors).toBe(budgetRowsToCsv(plain.catalog, plain.matrix(), options));
    expect(leaks(withAnchors)).toEqual([]);
  });

  it('print an anchor set by its coverage only', () => {
    expect(leaks(JSON.stringify(anchors))).toEqual([]);
    expect(leaks(inspect(anchors, { depth: 10 }))).toEqual([]);
  });
});

describe('anchors privacy: the built sizer CLI', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does it first)`);
  });

  it('answers anchored lines, and no error line or standard-error text carries an anchor value', () => {
    const rand = prng(0xa11c);
    const pools = makePools(createBundledEngine(), rand);
    const lines: string[] = [
      JSON.stringify({ id: 'anchored', kind: 'llm', tier: 'mid' }),
      JSON.stringify({ id: 'anchored-cnn', kind: 'vision', tier: 'mid', pipeline: 'yolov8n_trt_int8_coco128', streams: 1 }),
    ];
    const kinds = ['vision', 'llm', 'llm_model', 'duty', 'budget', 'kpi', 'llm_shape', 'llm_context', 'what_if', 'vla', 'capability', 'nope'];
    for (let i = 0; i < 600; i++) {
      const q: Record<string, unknown> = { id: i, kind: pick(rand, kinds), tier: pick(rand, ['mid', 'high', 'NPU Mid', 'nope', 43210.98765, null]) };
      for (const field of ['pipeline', 'quant', 'workload', 'streams', 'npu_share', 'model', 'measurement_key', 'queries_per_minute', 'slot', 'vla', 'dtype']) {
        if (chance(rand, 0.4)) q[field] = chance(rand, 0.7) ? plausible(rand, pools, field) : randomScalar(rand, false);
      }
      lines.push(JSON.stringify(q));
    }
    lines.push('{"id": "broken", "kind": ', '[]', '{"kind":"llm","tier":"mid","npu_share":"43210.98765"}');
    const { status, stdout, stderr } = run(['query', '--anchors', join(dir, 'anchors.json')], lines.join('\n') + '\n');
    expect(status).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(answers).toHaveLength(lines.length);
    const byId = new Map(answers.map((a) => [a.id, a]));
    expect(byId.get('anchored')?.source).toBe('measured_silicon_anchor');
    expect(byId.get('anchored-cnn')?.source).toBe('measured_silicon_anchor');
    const errors = answers.filter((a) => 'error' in a);
    expect(errors.length).toBeGreaterThan(100);
    // The error lines echo what the user typed (a value given as a query field is the user's own text),
    // so compare messages against the anchors only where the line did not carry the value itself.
    const echoed = (i: number): boolean => leaks(lines[i] ?? '').length > 0;
    const errorLeaks = answers.flatMap((a, i) => ('error' in a && !echoed(i) ? leaks(JSON.stringify(a)) : []));
    expect(errorLeaks).toEqual([]);
    expect(leaks(stderr)).toEqual([]);
  });

  for (const name of Object.keys(BAD_FILES)) {
    it(`refuses ${name} without quoting it`, () => {
      const { status, stdout, stderr } = run(['query', '--anchors', join(dir, name)], JSON.stringify({ kind: 'llm', tier: 'mid' }) + '\n');
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/anchors/);
      expect(leaks(stdout + stderr)).toEqual([]);
    });
  }

  it('exports the matrix CSV identically with and without --anchors, and refuses a bad file quietly', () => {
    const stamp = (csv: string): string => csv.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>');
    const plain = run(['export', 'matrix', '--format', 'csv', '--out', '-']);
    const anchored = run(['export', 'matrix', '--format', 'csv', '--out', '-', '--anchors', join(dir, 'anchors.json')]);
    expect(plain.status).toBe(0);
    expect(anchored.status).toBe(0);
    expect(stamp(anchored.stdout)).toBe(stamp(plain.stdout));
    expect(leaks(anchored.stdout + anchored.stderr)).toEqual([]);
    const bad = run(['export', 'matrix', '--format', 'csv', '--out', '-', '--anchors', join(dir, 'bad-syntax.toml')]);
    expect(bad.status).not.toBe(0);
    expect(leaks(bad.stdout + bad.stderr)).toEqual([]);
  });
});
