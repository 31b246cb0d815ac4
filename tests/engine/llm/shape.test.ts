/** Token-shaped LLM projection, worked out by hand from the catalog figures. */
import { testEngine } from '../../helpers/engine';

const engine = testEngine();

describe('token-shaped projection', () => {
  it('refuses a model that does not fit, with the memory breakdown', () => {
    // Qwen3-30B-A3B Q4_K_M on Low-LP4 (8 GB): KV = 48 layers x 2 (K,V) x 2048 x 4/32 heads x 2 bytes
    // x 700 tokens = 34,406,400 B; required = 18.6e9 + 34,406,400 + 1e9 = 19.6344064 GB.
    const r = engine.llmShape(engine.hardware({ tier: 'low-lp4' }), { model: 'qwen3_30b_a3b_moe' });
    expect(r.resultType).toBe('WontFit');
    expect(r.feasibility.requiredGb).toBeCloseTo(19.6344064, 9);
    expect(r.feasibility.headroomGb).toBeCloseTo(8 - 19.6344064, 9);
    expect(r.feasibility.kvCacheGb).toBeCloseTo(0.0344064, 9);
  });

  it('calls a fit with less than 15% headroom tight, and still projects it', () => {
    // 32B dense Q4 on High (32 GB): 19.9 + KV (64 x 2 x 5120 x 8/40 x 2 x 700 = 0.1835 GB) + 1 = 21.08 GB,
    // headroom 10.9 GB > 15% of 32 = 4.8 GB: fits. With a 30,000-token prompt KV is 262,144 B x 30,200
    // = 7.92 GB: 28.82 GB required, headroom 3.18 GB < 4.8 GB: tight.
    const high = engine.hardware({ tier: 'high' });
    expect(engine.llmShape(high, { model: 'qwen25_32b_dense' }).feasibility.verdict).toBe('fits');
    const tight = engine.llmShape(high, { model: 'qwen25_32b_dense', promptTokens: 30000 });
    expect(tight.feasibility.verdict).toBe('tight');
    expect(tight.resultType).toBe('Projected');
  });

  it('refuses a quant scheme the tier cannot execute', () => {
    const r = engine.llmShape(engine.hardware({ tier: 'mid' }), { model: 'qwen3_30b_a3b_moe', quantScheme: 'NVFP4', bytesPerParam: 0.5625, ggufSizeGb: 16.875, computeDtype: 'nvfp4' });
    expect(r.resultType).toBe('DtypeMismatch');
    if (r.resultType === 'DtypeMismatch') expect(r.requiredDtype).toBe('NVFP4');
  });

  it('uses the tier anchor, ignoring the share, and timing from it', () => {
    const r = engine.llmShape(engine.hardware({ tier: 'mid' }), { model: 'qwen3_30b_a3b_moe', npuShare: 0.25 });
    expect(r.resultType).toBe('Projected');
    if (r.resultType !== 'Projected') return;
    expect(r.source).toBe('measured_anchor');
    expect(r.decodeTokS).toBe(37.85);
    expect(r.prefillTokS).toBe(2849);
    expect(r.ttftS).toBe(0.1755); // 500 / 2849
    expect(r.decodeS).toBe(5.284); // 200 / 37.85
    expect(r.totalS).toBe(5.461); // 1 ms host + 0.17550 + 5.28402
    expect(r.decodeCeilingTokS).toBeNull();
  });

  it('borrows a same-family sibling anchor, scaled by bandwidth', () => {
    const r = engine.llmShape(engine.hardware({ tier: 'high' }), { model: 'qwen3_30b_a3b_moe' });
    expect(r.resultType === 'Projected' && r.source).toBe('same_class_anchor');
  });

  it('projects cross-class from the roofline otherwise', () => {
    // RTX 5090: 3B active x 0.57 = 1.71 GB per token / 1523.2 GB/s = 1.1226 ms; compute 6 GOPs /
    // (209 TOPS bf16 x 0.1) = 0.287 ms: bandwidth-bound, 890.76 tok/s. Prefill: max(1.1226,
    // 6 x 500 / 20.9 = 143.54) + 0.3 ms = 143.84 ms -> 3476.07 tok/s.
    const r = engine.llmShape(engine.hardware({ tier: 'rtx5090' }), { model: 'qwen3_30b_a3b_moe' });
    expect(r.resultType === 'Projected' && [r.source, r.regime, r.decodeTokS, r.prefillTokS, r.ttftS, r.hostMs]).toEqual(['cross_class', 'bw_bound', 890.76, 3476.07, 0.1438, 0.3]);
  });

  it('validates token counts and overrides', () => {
    const mid = engine.hardware({ tier: 'mid' });
    expect(() => engine.llmShape(mid, { model: 'qwen3_30b_a3b_moe', promptTokens: 0 })).toThrow(/prompt_tokens must be a whole number from 1 to 100000000, got 0/);
    expect(() => engine.llmShape(mid, { model: 'qwen3_30b_a3b_moe', bytesPerParam: -1 })).toThrow(/bytes_per_param must be from 0.25 to 4, got -1/);
    expect(() => engine.llmShape(mid, { model: 'llama' })).toThrow(/unknown model "llama"; valid: qwen3_30b_a3b_moe/);
  });
});
