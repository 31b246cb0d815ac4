/**
 * Minimal reproductions of the bugs the fuzzers found (tests/fuzz/registry.test.ts, query.test.ts).
 * Each test asserts the behaviour ADR 0006 promises ("no host ever shows NaN or Infinity for bad
 * input": a typed error naming the field, or a finite answer). A bug still open is marked it.failing,
 * so `npm test` stays green and the bug stays visible; when its fix lands, the test starts passing,
 * Jest reports the it.failing as failed, and it becomes a plain it() (with any allowance for it in
 * tests/fuzz/known-bugs.ts deleted, so the fuzzers check those inputs again).
 *
 * Bugs 1 to 3 are fixed (custom-tier ranges in src/engine/hardware/custom.ts, the bus-width check in
 * withMemoryUpgrade, upper bounds in src/engine/llm/inputs.ts, the duty-cycle guard in
 * src/engine/platform/duty.ts).
 */
import { createBundledEngine, llmDutyCycle, visionFpsUnderLlmLoad } from '../../src/engine';
import { answerLine } from '../../src/cli/query';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput } from '../../src/functions/registry/types';
import { DOCUMENTED_CODES } from './checks';

const engine = createBundledEngine();

function call(name: string, values: CellInput[]) {
  const fn = SIZER_FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no SIZER.${name}`);
  return runFunction({ engine }, fn, values);
}

function query(line: Record<string, unknown>): Record<string, unknown> {
  return answerLine(engine, JSON.stringify(line)) as Record<string, unknown>;
}

/** Every number in the answer finite (the CLI prints Infinity and NaN as null). */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}=${value}`];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, path ? `${path}.${k}` : k));
  return [];
}

/** A typed error line, or an answer whose numbers are all finite and whose rate is above zero. */
function expectErrorOrPositive(answer: Record<string, unknown>, rateField: string): void {
  if ('error' in answer) {
    expect(DOCUMENTED_CODES).toContain((answer.error as { code: string }).code);
    return;
  }
  expect(nonFinite(answer)).toEqual([]);
  expect(answer[rateField]).toBeGreaterThan(0);
}

const BUSLESS_CUSTOM = { mem_bandwidth_gbs: 100, mem_capacity_gb: 16, peak_tops_int8: 10 };

describe('bug 1 (fixed): a memory upgrade on a custom tier without a bus width gave 0 GB/s', () => {
  // withMemoryUpgrade (src/engine/hardware/memory.ts) takes bus width x new data rate / 8; a custom tier
  // given by its bandwidth has memBusWidthBits 0, so the clone has 0 GB/s: 0 FPS, 0 tok/s, infinite times.
  it('sizer query: vision on such a clone is refused (was: 0 FPS, per_stream_ms Infinity printed as null)', () => {
    // Today: {"fps_per_stream":0,"per_stream_ms":Infinity,"bw_floor_ms":Infinity,"yolo_ms":Infinity,...}
    expectErrorOrPositive(query({ id: 1, kind: 'vision', custom: BUSLESS_CUSTOM, memory: 'lpddr6-14', pipeline: 'trt_fp8_1hz_clip' }), 'fps_per_stream');
  });

  it('sizer query: llm on such a clone is refused (was: 0 tok/s, infinite times)', () => {
    expectErrorOrPositive(query({ id: 2, kind: 'llm', custom: BUSLESS_CUSTOM, memory: 'lpddr6-14' }), 'decode_tok_s');
  });

  it('SIZER.HARDWARE and SIZER.VISIONFPS on such a clone give an error (was: 0)', () => {
    // Today: SIZER.HARDWARE(..., "mem_bandwidth_gbs", "lpddr6-14") = 0 and SIZER.VISIONFPS(...) = 0.
    const tier = 'custom: bw=100; cap=16; int8=10';
    const hw = call('HARDWARE', [tier, 'mem_bandwidth_gbs', 'lpddr6-14']);
    if (hw.ok) expect(hw.value).toBeGreaterThan(0);
    const fps = call('VISIONFPS', [tier, 'trt_fp8_1hz_clip', '1080p', 1, null, 'lpddr6-14']);
    if (fps.ok) expect(fps.value).toBeGreaterThan(0);
    // Fixed: the upgrade is refused as not applicable (#N/A), naming the missing bus width.
    expect(hw.ok ? 'ok' : hw.error.kind).toBe('na');
    expect(fps.ok ? 'ok' : fps.error.message).toMatch(/bus width/);
  });

  it('(control) a custom tier with bus width and data rate upgrades correctly', () => {
    const answer = query({ id: 3, kind: 'vision', custom: { mem_bus_width_bits: 128, mem_data_rate_gtps: 6.4, mem_capacity_gb: 16, peak_tops_int8: 10 }, memory: 'lpddr6-14', pipeline: 'trt_fp8_1hz_clip' });
    expectErrorOrPositive(answer, 'fps_per_stream');
    expect('error' in answer).toBe(false);
  });
});

describe('bug 2 (fixed): custom tiers took figures so extreme that the projections overflowed', () => {
  // The query's custom object caps TOPS and bandwidth at 1e6, capacity at 1e5 (src/cli/custom-tier.ts), but
  // the text form (parseCustomSpec in src/engine/hardware/custom-spec.ts, used by SIZER.CUSTOMTIER and any
  // "custom: ..." tier) has no upper bound, and neither form has a useful lower bound (5e-324 passes "> 0").
  it('sizer query: a text-form tier with bw=1e308 is out_of_range (was: decode_tok_s Infinity printed as null)', () => {
    // Today: {"decode_tok_s":Infinity,"decode_ceiling_tok_s":Infinity,"short_answer_sec":0,...}
    const answer = query({ id: 4, kind: 'llm', tier: 'custom: bw=1e308; cap=16; int8=10' });
    expect(answer.error).toEqual(expect.objectContaining({ code: 'out_of_range' }));
  });

  it('SIZER.CUSTOMTIER refuses tops_int8 = 1e308, as the query form does above 1e6 (was: accepted)', () => {
    // Today: "custom: name=Custom NPU; class=unknown; int8=1e+308; ..."
    const outcome = call('CUSTOMTIER', [96, 'LPDDR5X', 8.533, 16, 1e308]);
    expect(outcome.ok).toBe(false);
  });

  it('sizer query: bandwidth_efficiency 5e-324 is out_of_range (was: per_stream_ms Infinity)', () => {
    // Today: {"fps_per_stream":0,"per_stream_ms":Infinity,"bw_floor_ms":Infinity,...}
    const answer = query({ id: 5, kind: 'vision', custom: { ...BUSLESS_CUSTOM, bandwidth_efficiency: 5e-324 }, pipeline: 'trt_fp8_1hz_clip' });
    expect(answer.error).toEqual(expect.objectContaining({ code: 'out_of_range' }));
  });

  it('SIZER.VISIONFPS on a tier with be=5e-324 gives #NUM! (was: 0 FPS)', () => {
    const outcome = call('VISIONFPS', ['custom: bw=100; cap=16; int8=10; be=5e-324', 'trt_fp8_1hz_clip']);
    expect(outcome.ok).toBe(false);
  });
});

describe('bug 3 (fixed): what_if took parameter counts without an upper bound', () => {
  // PARAMS_B_RANGE, DIMENSION_RANGE and TOKEN_COUNT_RANGE (src/engine/llm/inputs.ts) have no max.
  it('sizer query: total_params_b 1e308 is out_of_range (was: required_gb Infinity, headroom_gb -Infinity printed as null)', () => {
    const answer = query({ id: 6, kind: 'what_if', tier: 'mid', total_params_b: 1e308, active_params_b: 1 });
    expect(answer.error).toEqual(expect.objectContaining({ code: 'out_of_range' }));
  });
});

describe('bug 4 (fixed): the duty cycle of an LLM that never answers makes vision FPS NaN', () => {
  // visionFpsUnderLlmLoad = max(0, fps x (1 - duty)): with fps 0 and duty Infinity, 0 x -Infinity = NaN,
  // and Math.max(0, NaN) is NaN. Reached through bugs 1 and 2 (0 tok/s), but the function should not
  // depend on that.
  it('visionFpsUnderLlmLoad(0 FPS, an infinite answer time) is 0 (was: NaN)', () => {
    const llm = engine.llm(engine.hardware({ tier: 'mid' }), {});
    const stuck = { ...llm, decodeTokS: 0, shortAnswerSec: Infinity };
    expect(llmDutyCycle(stuck, 2, 'short')).toBe(Infinity);
    expect(visionFpsUnderLlmLoad(0, stuck, 2, 'short')).toBe(0);
  });

  it('sizer query: duty on bug 1 hardware answers no NaN (was: vision_fps_under_llm NaN, duty_cycle Infinity)', () => {
    const answer = query({ id: 7, kind: 'duty', custom: BUSLESS_CUSTOM, memory: 'lpddr6-14', pipeline: 'trt_fp8_1hz_clip' });
    if (!('error' in answer)) expect(nonFinite(answer)).toEqual([]);
    expect((answer as { error?: { code: string } }).error?.code).toBe('not_applicable');
  });
});
