/**
 * `sizer query` kinds llm_context and what_if: good lines (numbers worked out in
 * tests/engine/llm/context-curve.test.ts and what-if.test.ts) and bad lines, one specific error each.
 */
import { answerLine } from '../../src/cli/query';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
type Json = Record<string, unknown>;
const ask = (query: unknown): Json => answerLine(engine, typeof query === 'string' ? query : JSON.stringify(query)) as Json;
const errorOf = (result: Json): { code?: string; message?: string } => (result.error ?? {}) as { code?: string; message?: string };

describe('sizer query llm_context: good lines', () => {
  it('answers one context length with the point fields at the top level', () => {
    // RTX 5090, MoE, 1000 tokens: between 152 -> 271.0 and 3271 -> 224.8 in ln(context) = 242.6403 tok/s.
    const r = ask({ id: 'c1', kind: 'llm_context', tier: 'RTX 5090', model: 'qwen3-30b-a3b-q4-moe', context_tokens: 1000 });
    expect(r).toMatchObject({
      id: 'c1',
      model: 'qwen3-30b-a3b-q4-moe',
      model_name: 'Qwen3 30B A3B (Q4_K_M, MoE)',
      context_tokens: 1000,
      source: 'measured',
      regime: 'bw_bound',
      interp_source: 'interpolated',
      npu_share_used: 1,
      compiler_quality: 1,
      tier_anchor: null,
      bw_floor_ms: null,
    });
    expect(r.decode_tok_s).toBeCloseTo(242.6403, 4);
    expect((r.anchors_used as Json[]).map((a) => a.workload)).toEqual(['agentic_roundtrip', 'rag_qa']);
  });

  it('answers an array of lengths as a curve, with the calibration anchors', () => {
    const r = ask({ id: 2, kind: 'llm_context', tier: 'rtx5090', context_tokens: [10, 13000, 32000] });
    const points = r.points as Json[];
    expect(points.map((p) => [p.decode_tok_s, p.interp_source])).toEqual([
      [286.3, 'extrapolated_low'],
      [146.8, 'measured'],
      [146.8, 'extrapolated_high'],
    ]);
    expect((r.calibration_anchors as Json[]).map((a) => a.prompt_tokens)).toEqual([34, 152, 3271, 3569, 12691]);
  });

  it('defaults the model to the MoE reference and the lengths to the chart grid', () => {
    const r = ask({ id: 3, kind: 'llm_context', tier: 'mid', model: null, context_tokens: null });
    expect(r.model).toBe('qwen3-30b-a3b-q4-moe');
    expect((r.points as Json[]).map((p) => p.context_tokens)).toEqual([100, 200, 400, 700, 1000, 2000, 4000, 7000, 10000, 13000, 16000, 24000, 32000]);
  });

  it('reports the tier anchor on Mid and the roofline floors cross-class', () => {
    // Mid: 37.85 x 0.75 = 28.3875; with a 0.8 compiler quality, 22.71.
    const anchored = ask({ id: 4, kind: 'llm_context', tier: 'mid', context_tokens: 2000, compiler_quality: 0.8 });
    expect(anchored.source).toBe('measured_anchor');
    expect(anchored.decode_tok_s).toBeCloseTo(22.71, 10);
    expect(anchored.tier_anchor).toMatchObject({ tier: 'mid', anchor_key: 'qwen3_30b_a3b_moe', decode_tok_s: 37.85, bandwidth_ratio: 1 });
    // Dense 14B on Mid at share 0.5: bw floor 8.379 / (94.08 x 0.5) x 1000 = 178.125 ms -> 5.614035 tok/s.
    const roofline = ask({ id: 5, kind: 'llm_context', tier: 'mid', model: 'Qwen2.5-14B', context_tokens: 2000, npu_share: 0.5 });
    expect(roofline).toMatchObject({ source: 'cross_class', regime: 'bw_bound', npu_share_used: 0.5, interp_source: null });
    expect(roofline.bw_floor_ms).toBeCloseTo(178.125, 9);
    expect(roofline.decode_tok_s).toBeCloseTo(5.614035, 6);
  });
});

describe('sizer query what_if: good lines', () => {
  it('projects the default what-if model with its feasibility', () => {
    const r = ask({ id: 'w1', kind: 'what_if', tier: 'mid' });
    expect(r).toMatchObject({
      id: 'w1',
      name: 'OLMoE 7B-A1B',
      is_moe: true,
      prompt_tokens: 750,
      decode_tokens: 150,
      source: 'measured_anchor',
      anchor_model: 'qwen3-30b-a3b-q4-moe',
      reference_model: 'qwen3-30b-a3b-q4-moe',
      verdict: 'fits',
      fits_in_memory: true,
      required_gb: 5.11,
      available_gb: 24,
      headroom_gb: 18.89,
      weights_gb: 3.99,
      kv_cache_gb: 0.118,
      overhead_gb: 1,
      kv_context_tokens: 900,
    });
    expect(r.decode_tok_s).toBeCloseTo(93.67875, 9);
    expect(r.speedup_vs_anchor).toBeCloseTo(3.3, 12);
  });

  it('projects a dense what-if model on the 5090 and flags a tight fit', () => {
    // 35B dense at 0.57 B/param: scaling 8.379 / 19.95 = 0.42; weights 19.95 GB of 32 GB; required 21.0679648;
    // headroom 10.93 GB is 34 % of 32 GB: fits. On Mid (24 GB) the same model is tight (2.93 GB < 3.6 GB).
    const gpu = ask({ id: 'w2', kind: 'what_if', tier: 'rtx5090', name: 'Dense 35B', is_moe: false, total_params_b: 35 });
    expect(gpu).toMatchObject({ active_params_b: 35, anchor_model: 'qwen2.5-14b-q4-dense', verdict: 'fits', headroom_gb: 10.93 });
    expect(gpu.speedup_vs_anchor).toBeCloseTo(0.42, 12);
    const onMid = ask({ id: 'w3', kind: 'what_if', tier: 'mid', is_moe: false, total_params_b: 35 });
    expect(onMid).toMatchObject({ verdict: 'tight', fits_in_memory: true, headroom_gb: 2.93 });
    const tooBig = ask({ id: 'w4', kind: 'what_if', tier: 'mid', is_moe: false, total_params_b: 70 });
    expect(tooBig).toMatchObject({ verdict: 'wont_fit', fits_in_memory: false, headroom_gb: -17.02 });
  });
});

describe('sizer query llm_context and what_if: bad lines give one specific error each', () => {
  it.each([
    ['an unknown model', { kind: 'llm_context', tier: 'mid', model: 'llama-70b' }, 'unknown_name', /unknown model "llama-70b"; valid: qwen3-30b-a3b-q4-moe/],
    ['a context of zero', { kind: 'llm_context', tier: 'mid', context_tokens: 0 }, 'out_of_range', /^context_tokens must be a whole number from 1 to 100000000, got 0$/],
    ['a bad length inside a curve', { kind: 'llm_context', tier: 'mid', context_tokens: [100, 2.5] }, 'not_whole', /^context_tokens\[1\] must be a whole number from 1 to 100000000, got 2.5$/],
    ['an empty curve', { kind: 'llm_context', tier: 'mid', context_tokens: [] }, 'out_of_range', /context_tokens must list from 1 to 1000 lengths, got 0/],
    ['a context given as text', { kind: 'llm_context', tier: 'mid', context_tokens: '1000' }, 'invalid_input', /"context_tokens" must be a number or an array of numbers, got "1000"/],
    ['a share out of range', { kind: 'llm_context', tier: 'mid', npu_share: 0 }, 'out_of_range', /npu_share must be greater than 0 and at most 1, got 0/],
    ['a misspelt field', { kind: 'llm_context', tier: 'mid', context: 1000 }, 'invalid_input', /unknown field "context"/],
    ['no hardware', { kind: 'llm_context', context_tokens: 1000 }, 'invalid_input', /tier .* is required/],
    ['bytes per parameter out of range', { kind: 'what_if', tier: 'mid', bytes_per_param: 5 }, 'out_of_range', /^bytes_per_param must be from 0.25 to 4, got 5$/],
    ['zero parameters', { kind: 'what_if', tier: 'mid', total_params_b: 0 }, 'out_of_range', /^total_params_b must be greater than 0 and at most 100000, got 0$/],
    ['a fractional layer count', { kind: 'what_if', tier: 'mid', num_layers: 31.5 }, 'not_whole', /^num_layers must be a whole number from 1 to 1000000, got 31.5$/],
    ['a zero hidden dim', { kind: 'what_if', tier: 'mid', hidden_dim: 0 }, 'out_of_range', /^hidden_dim must be a whole number from 1 to 1000000, got 0$/],
    ['more active than total', { kind: 'what_if', tier: 'mid', active_params_b: 9, total_params_b: 7 }, 'out_of_range', /at most total_params_b \(7\), got 9/],
    ['a dense model with fewer active parameters', { kind: 'what_if', tier: 'mid', is_moe: false, active_params_b: 2, total_params_b: 7 }, 'invalid_input', /must equal total_params_b/],
    ['is_moe as text', { kind: 'what_if', tier: 'mid', is_moe: 'yes' }, 'invalid_input', /"is_moe" must be of type boolean, got "yes"/],
    ['zero prompt tokens', { kind: 'what_if', tier: 'mid', prompt_tokens: 0 }, 'out_of_range', /^prompt_tokens must be a whole number from 1 to 100000000, got 0$/],
    ['a field of the other kind', { kind: 'what_if', tier: 'mid', context_tokens: 100 }, 'invalid_input', /unknown field "context_tokens" in a what_if query/],
  ])('%s', (_what, query, code, message) => {
    const result = ask({ id: 'bad', ...query });
    expect(result.id).toBe('bad');
    expect(errorOf(result).code).toBe(code);
    expect(errorOf(result).message).toMatch(message);
  });

  it('lists both kinds among the valid ones', () => {
    expect(errorOf(ask({ id: 'x', kind: 'weather' })).message).toMatch(/llm_context, what_if/);
  });
});
