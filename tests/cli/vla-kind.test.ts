/** `sizer query` lines of kind "vla": the contract fields, name handling, and one specific error per bad line. */
import { answerLine } from '../../src/cli/query';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const ask = (query: unknown): Record<string, unknown> =>
  answerLine(engine, typeof query === 'string' ? query : JSON.stringify(query)) as Record<string, unknown>;
const errorOf = (result: Record<string, unknown>): { code?: string; message?: string } =>
  (result.error ?? {}) as { code?: string; message?: string };

/** Every field of the reference's VLA answers (vla.jsonl), in its snake_case names. */
const CONTRACT_FIELDS = [
  'dtype', 'architecture', 'n_action_tokens', 'npu_share', 'n_cameras', 'fleet_size', 'camera_mode', 'runs', 'vla_source',
  'regime', 'vision_ms', 'llm_prefill_ms', 'vlm_forward_ms', 'decode_ms_per_token', 'ms_per_action', 'action_hz', 'dram_gb',
  'fits_in_memory', 'mode', 'vision_ms_per_camera', 'total_vision_ms', 'per_instance_ms_per_action', 'per_instance_action_hz',
  'aggregate_action_hz', 'fleet_memory_gb', 'llm_forward_ms', 'forward_ms', 'action_chunk_length', 'deferred', 'vlm_dtype',
  'expert_dtype', 'vlm_backbone_ms', 'num_denoise_steps', 'denoise_step_ms', 'denoise_loop_ms', 'denoise_bottleneck',
  'denoise_projection', 'chunk_latency_ms', 'fast_loop_only_hz', 'denoise_step_ms_optimized_floor', 'ms_per_action_optimized_floor',
  'action_hz_optimized_floor', 'fast_loop_only_hz_optimized_floor', 'has_reason', 'has_stitched_quality_caveat', 'has_vla_source_reason',
  'reason', 'stitched_quality_caveat', 'vla_source_reason',
];

describe('sizer query kind "vla": good lines', () => {
  it('answers with every contract field and echoes the id', () => {
    const r = ask({ id: 'v1', kind: 'vla', tier: 'NPU Mid', vla: 'nora_3b' });
    expect(r.id).toBe('v1');
    for (const field of CONTRACT_FIELDS) expect(r).toHaveProperty(field);
    // NORA on Mid: 568.7 ms per action (worked out in tests/engine/vla/project.test.ts)
    expect(r.ms_per_action).toBeCloseTo(568.705, 3);
    expect(r.runs).toBe(true);
    expect(r.deferred).toBeNull(); // the reference has no deferred key unless it defers
    expect(r.vla_source).toBe('calibrated');
    expect(r.has_reason).toBe(false);
    expect(r.reason).toBeNull();
  });

  it('takes the model by key, display name or alias, in any case, and the reference defaults for nulls', () => {
    const byKey = ask({ id: 1, kind: 'vla', tier: 'high', vla: 'pi_0p5' });
    const byName = ask({ id: 1, kind: 'vla', tier: 'high', vla: 'π0.5 (PaliGemma + Gemma action expert)', dtype: null, cameras: null, fleet_size: null, camera_mode: null, n_action_tokens: null, npu_share: null });
    const byAlias = ask({ id: 1, kind: 'vla', tier: 'high', vla: 'PI0.5' });
    expect(byName).toEqual(byKey);
    expect(byAlias).toEqual(byKey);
    expect(byKey.action_hz).toBeCloseTo(148.85, 2);
    expect(byKey.n_cameras).toBe(3);
    expect(byKey.npu_share).toBe(0.75);
  });

  it('answers the reference invalid questions with runs: false and a reason, not an error', () => {
    for (const query of [
      { camera_mode: 'panorama' },
      { cameras: 0 },
      { fleet_size: 0 },
      { cameras: 2 }, // NORA takes one camera natively
    ]) {
      const r = ask({ id: 'x', kind: 'vla', tier: 'mid', vla: 'nora_3b', ...query });
      expect(r.error).toBeUndefined();
      expect(r.runs).toBe(false);
      expect(r.has_reason).toBe(true);
      expect(typeof r.reason).toBe('string');
      expect(r.ms_per_action).toBeNull();
    }
  });

  it('flags the stitched caveat, the source demotion and the deferred model', () => {
    const stitched = ask({ id: 1, kind: 'vla', tier: 'high', vla: 'nora_3b', cameras: 3, camera_mode: 'stitched' });
    expect(stitched.has_stitched_quality_caveat).toBe(true);
    expect(stitched.stitched_quality_caveat).toMatch(/3 cameras/);
    const oneCamera = ask({ id: 2, kind: 'vla', tier: 'rtx5090', vla: 'bitvla', cameras: 1 });
    expect(oneCamera.vla_source).toBe('cross_class');
    expect(oneCamera.has_vla_source_reason).toBe(true);
    const cached = ask({ id: 3, kind: 'vla', tier: 'high', vla: 'openvla_7b_cached' });
    expect(cached.deferred).toBe(true);
    expect(cached.runs).toBeNull();
    expect(cached.has_reason).toBe(true);
  });

  it('keeps the numbers of a fleet that does not fit', () => {
    const r = ask({ id: 1, kind: 'vla', tier: 'imx95', vla: 'openvla_7b_single', fleet_size: 4 });
    expect(r.runs).toBe(false);
    expect(r.fleet_memory_gb).toBe(30);
    expect(r.per_instance_ms_per_action).toEqual(expect.any(Number));
    expect(r.ms_per_action).toBeCloseTo((r.per_instance_ms_per_action as number) * 4, 6);
  });

  it('works with memory upgrades, precision sets and custom tiers', () => {
    expect(ask({ id: 1, kind: 'vla', tier: 'mid', memory: 'LPDDR6 @ 14 GT/s', precision_set: 'int8_fp8', vla: 'nora_1p5' }).runs).toBe(true);
    const custom = { name: 'Edge FP', silicon_class: 'lp5x_128', peak_tops_int8: 100, peak_tops_bf16: 50, mem_capacity_gb: 16, mem_bandwidth_gbs: 100 };
    const r = ask({ id: 2, kind: 'vla', custom, vla: 'pi_0p5' });
    expect(r.runs).toBe(true);
    expect(r.expert_dtype).toBe('bf16');
    expect(r.vla_source).toBe('calibrated');
  });
});

describe('sizer query kind "vla": bad lines give one specific error each', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown model', { vla: 'RT-2' }, 'unknown_name', /unknown VLA "RT-2"; valid: openvla_7b_single .*pi_0p5/],
    ['a missing model', {}, 'missing_field', /needs "vla"/],
    ['a misspelt field', { vla: 'nora_3b', camera: 2 }, 'invalid_input', /unknown field "camera"/],
    ['a camera count as text', { vla: 'nora_3b', cameras: '2' }, 'invalid_input', /"cameras" must be a number, got "2"/],
    ['a fractional camera count', { vla: 'nora_3b', cameras: 2.5 }, 'not_whole', /cameras must be a whole number from 0 to 16, got 2.5/],
    ['a negative fleet', { vla: 'nora_3b', fleet_size: -1 }, 'out_of_range', /fleet_size must be a whole number from 0 to 10000, got -1/],
    ['no action tokens', { vla: 'nora_3b', n_action_tokens: 0 }, 'out_of_range', /n_action_tokens must be a whole number from 1 to 1024/],
    ['a share of zero', { vla: 'nora_3b', npu_share: 0 }, 'out_of_range', /npu_share must be greater than 0/],
    ['an unknown dtype', { vla: 'nora_3b', dtype: 'fp4' }, 'unknown_name', /unknown dtype "fp4"; valid: bf16, fp8, int8, int4/],
  ])('%s', (_what, fields, code, message) => {
    const result = ask({ id: 'x', kind: 'vla', tier: 'mid', ...fields });
    expect(result.id).toBe('x');
    expect(errorOf(result).code).toBe(code);
    expect(errorOf(result).message).toMatch(message);
  });
});
