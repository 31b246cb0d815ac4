/**
 * The what-if model projector, worked out by hand.
 *
 * Anchors (data/llm-bundle.json): the MoE Qwen3 30B A3B reads 3.3e9 x 0.57 = 1.881e9 bytes per
 * decode token; the dense Qwen 2.5 14B 14.7e9 x 0.57 = 8.379e9. The RTX 5090 curve at 750 prompt
 * tokens (the short_chat default):
 *   MoE:   t = ln(750/152) / ln(3271/152) = 0.520107, 271.0 - 0.520107 x 46.2 = 246.9711 tok/s;
 *   dense: t = ln(750/152) / ln(7056/152) = 0.415919, 133.9 - 0.415919 x 32.5 = 120.3826 tok/s.
 */
import { projectWhatIfDecode, projectWhatIfModel, whatIfMemoryFeasibility } from '../../../src/engine/llm/what-if';
import { testEngine } from '../../helpers/engine';
import { thrownSizerError } from '../../helpers/fixtures';

const engine = testEngine();
const catalog = engine.catalog;
const gpu = engine.hardware({ tier: 'rtx5090' });
const mid = engine.hardware({ tier: 'mid' });

const thrown = thrownSizerError;

describe('what-if decode: scaled from the nearest anchor by bytes per token', () => {
  it('scales a MoE model from the MoE anchor (1B active at 0.57 B/param on the 5090)', () => {
    // bytes per token = 1e9 x 0.57 = 0.57e9; scaling = 1.881e9 / 0.57e9 = 3.3; 246.9711 x 3.3 = 815.0045 tok/s.
    const d = projectWhatIfDecode(catalog, gpu, { activeParamsB: 1, bytesPerParam: 0.57, isMoe: true, contextTokens: 750 });
    expect(d.anchorModel).toBe('qwen3-30b-a3b-q4-moe');
    expect(d.anchorDisplayName).toBe('Qwen3 30B A3B (Q4_K_M, MoE)');
    expect(d.bytesPerToken).toBeCloseTo(0.57e9, 0);
    expect(d.anchorBytesPerToken).toBeCloseTo(1.881e9, 0);
    expect(d.speedupVsAnchor).toBeCloseTo(3.3, 12);
    expect(d.anchorDecodeTokS).toBeCloseTo(246.9711, 4);
    expect(d.decodeTokS).toBeCloseTo(815.0045, 3);
    // The anchor is the current MoE reference, so the two speed-ups agree.
    expect(d.referenceDecodeTokS).toBeCloseTo(246.9711, 4);
    expect(d.speedupVsReference).toBeCloseTo(3.3, 12);
    expect(d).toMatchObject({ source: 'measured', interpolation: 'interpolated', contextTokens: 750, npuShareUsed: 1 });
  });

  it('scales a dense model from the dense anchor and compares it with the MoE reference', () => {
    // 7B dense at 0.57: 3.99e9 bytes per token; scaling = 8.379 / 3.99 = 2.1; 120.3826 x 2.1 = 252.8036 tok/s;
    // vs the MoE reference 246.9711: 252.8036 / 246.9711 = 1.023616.
    const d = projectWhatIfDecode(catalog, gpu, { activeParamsB: 7, bytesPerParam: 0.57, isMoe: false, contextTokens: 750 });
    expect(d.anchorModel).toBe('qwen2.5-14b-q4-dense');
    expect(d.speedupVsAnchor).toBeCloseTo(2.1, 12);
    expect(d.decodeTokS).toBeCloseTo(252.8036, 3);
    expect(d.speedupVsReference).toBeCloseTo(1.023616, 5);
  });

  it('carries the anchor\'s provenance off the 5090: tier anchor on Mid, roofline for the dense anchor', () => {
    // MoE on Mid: 28.3875 (37.85 x 0.75) x 3.3 = 93.67875 tok/s, measured_anchor.
    const moe = projectWhatIfDecode(catalog, mid, { activeParamsB: 1, bytesPerParam: 0.57, isMoe: true, contextTokens: 750 });
    expect(moe.source).toBe('measured_anchor');
    expect(moe.decodeTokS).toBeCloseTo(93.67875, 9);
    // Dense on Mid: the 14B is cross-class at 1000 / 118.75 = 8.421053; x 2.1 = 17.684211 tok/s.
    // Against the MoE reference (28.3875): 17.684211 / 28.3875 = 0.622958.
    const dense = projectWhatIfDecode(catalog, mid, { activeParamsB: 7, bytesPerParam: 0.57, isMoe: false, contextTokens: 750 });
    expect(dense.source).toBe('cross_class');
    expect(dense.decodeTokS).toBeCloseTo(17.684211, 6);
    expect(dense.speedupVsReference).toBeCloseTo(0.622958, 6);
  });

  it('rejects bad shapes naming the field, the range and the value', () => {
    const good = { activeParamsB: 1, bytesPerParam: 0.57, isMoe: true, contextTokens: 750 };
    expect(thrown(() => projectWhatIfDecode(catalog, gpu, { ...good, activeParamsB: 0 }))).toMatchObject({
      code: 'out_of_range',
      message: 'active_params_b must be greater than 0 and at most 100000, got 0',
    });
    expect(thrown(() => projectWhatIfDecode(catalog, gpu, { ...good, bytesPerParam: 0.2 })).message).toBe('bytes_per_param must be from 0.25 to 4, got 0.2');
    expect(thrown(() => projectWhatIfDecode(catalog, gpu, { ...good, bytesPerParam: 4.5 })).code).toBe('out_of_range');
    expect(thrown(() => projectWhatIfDecode(catalog, gpu, { ...good, contextTokens: 0 })).message).toBe('prompt_tokens must be a whole number from 1 to 100000000, got 0');
    expect(thrown(() => projectWhatIfDecode(catalog, gpu, { ...good, npuShare: 1.5 })).field).toBe('npu_share');
  });
});

describe('what-if memory feasibility: weights + KV cache + 1 GB runtime vs capacity (decimal GB)', () => {
  // KV cache: 32 layers x 2 (K, V) x 4096 hidden x 0.25 KV-head ratio x 2 bytes x 900 tokens = 117,964,800 B = 0.118 GB.
  const shape = { bytesPerParam: 0.57, contextTokens: 900, hiddenDim: 4096, numLayers: 32 };

  it('fits: 7B on NPU Mid (24 GB)', () => {
    // weights 7e9 x 0.57 = 3.99 GB; required 3.99 + 0.1179648 + 1 = 5.1079648 GB; headroom 18.892 GB (79 % of 24).
    expect(whatIfMemoryFeasibility(catalog, mid, { ...shape, totalParamsB: 7 })).toEqual({
      verdict: 'fits',
      requiredGb: 5.11,
      availableGb: 24,
      headroomGb: 18.89,
      weightsGb: 3.99,
      kvCacheGb: 0.118,
      overheadGb: 1,
      contextTokens: 900,
      kvHeadRatio: 0.25,
    });
  });

  it('tight: 35B on NPU Mid, headroom under 15 % of capacity', () => {
    // weights 35 x 0.57 = 19.95 GB; required 21.0679648 GB; headroom 2.932 GB < 0.15 x 24 = 3.6 GB.
    const m = whatIfMemoryFeasibility(catalog, mid, { ...shape, totalParamsB: 35 });
    expect(m).toMatchObject({ verdict: 'tight', requiredGb: 21.07, headroomGb: 2.93, weightsGb: 19.95 });
  });

  it('wont_fit: 70B on NPU Mid', () => {
    // weights 39.9 GB; required 41.0179648 GB; headroom -17.018 GB.
    const m = whatIfMemoryFeasibility(catalog, mid, { ...shape, totalParamsB: 70 });
    expect(m).toMatchObject({ verdict: 'wont_fit', requiredGb: 41.02, headroomGb: -17.02 });
  });

  it('scales the KV cache with the head ratio and the context', () => {
    // Ratio 0.5 and 9,000 tokens: 117,964,800 x 2 x 10 = 2,359,296,000 B = 2.359 GB.
    expect(whatIfMemoryFeasibility(catalog, mid, { ...shape, totalParamsB: 7, contextTokens: 9000, kvHeadRatio: 0.5 }).kvCacheGb).toBe(2.359);
  });

  it('rejects bad shapes naming the field, the range and the value', () => {
    const good = { ...shape, totalParamsB: 7 };
    expect(thrown(() => whatIfMemoryFeasibility(catalog, mid, { ...good, totalParamsB: -1 })).message).toBe('total_params_b must be greater than 0 and at most 100000, got -1');
    expect(thrown(() => whatIfMemoryFeasibility(catalog, mid, { ...good, numLayers: 0 })).message).toBe('num_layers must be a whole number from 1 to 1000000, got 0');
    expect(thrown(() => whatIfMemoryFeasibility(catalog, mid, { ...good, numLayers: 32.5 })).code).toBe('not_whole');
    expect(thrown(() => whatIfMemoryFeasibility(catalog, mid, { ...good, hiddenDim: 0 })).message).toBe('hidden_dim must be a whole number from 1 to 1000000, got 0');
    expect(thrown(() => whatIfMemoryFeasibility(catalog, mid, { ...good, contextTokens: 0 })).message).toBe('context_tokens must be a whole number from 1 to 100000000, got 0');
    expect(thrown(() => whatIfMemoryFeasibility(catalog, mid, { ...good, kvHeadRatio: 2 })).field).toBe('kv_head_ratio');
  });
});

describe('what-if model: defaults and consistency', () => {
  it('takes the bundle defaults (OLMoE 7B-A1B, short-chat tokens)', () => {
    const w = projectWhatIfModel(catalog, mid, {});
    expect(w).toMatchObject({ name: 'OLMoE 7B-A1B', isMoe: true, activeParamsB: 1, totalParamsB: 7, bytesPerParam: 0.57, hiddenDim: 4096, numLayers: 32, promptTokens: 750, decodeTokens: 150 });
    // Decode is read at the prompt length; the KV cache holds prompt + decode tokens.
    expect(w.decode.contextTokens).toBe(750);
    expect(w.memory.contextTokens).toBe(900);
    expect(w.decode.decodeTokS).toBeCloseTo(93.67875, 9);
    expect(w.memory.verdict).toBe('fits');
  });

  it('gives a dense model its total as the active count, and rejects a contradiction', () => {
    expect(projectWhatIfModel(catalog, mid, { isMoe: false, totalParamsB: 7 }).activeParamsB).toBe(7);
    expect(thrown(() => projectWhatIfModel(catalog, mid, { isMoe: false, totalParamsB: 7, activeParamsB: 2 })).code).toBe('invalid_input');
    expect(thrown(() => projectWhatIfModel(catalog, mid, { activeParamsB: 8, totalParamsB: 7 }))).toMatchObject({
      code: 'out_of_range',
      message: 'active_params_b must be greater than 0 and at most total_params_b (7), got 8',
    });
    expect(thrown(() => projectWhatIfModel(catalog, mid, { decodeTokens: 0 })).field).toBe('decode_tokens');
  });
});

describe('what-if MoE default (one rule for every host)', () => {
  it('with is_moe left out, active < total is MoE and active = total is dense', () => {
    const dense = projectWhatIfModel(catalog, mid, { activeParamsB: 7, totalParamsB: 7 });
    expect(dense.isMoe).toBe(false);
    expect(dense.decode.anchorModel).not.toBe(projectWhatIfModel(catalog, mid, { activeParamsB: 1, totalParamsB: 7 }).decode.anchorModel);
    expect(projectWhatIfModel(catalog, mid, { activeParamsB: 1, totalParamsB: 7 }).isMoe).toBe(true);
    // explicit wins; with no counts the bundle default (a MoE) stands
    expect(projectWhatIfModel(catalog, mid, { activeParamsB: 7, totalParamsB: 7, isMoe: true }).isMoe).toBe(true);
    expect(projectWhatIfModel(catalog, mid, {}).isMoe).toBe(true);
  });
});
