/** The LLM model catalog on the anchor-model path, worked out by hand from the catalog figures. */
import { decodeBytesPerTokenGb } from '../../../src/engine/llm/models';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();

describe('LLM model catalog', () => {
  it('scales by bytes read per decode token relative to the MoE perf reference', () => {
    // MoE reference: 18.0 GB x 3/30 active = 1.8 GB per token; dense 7B reads its whole 4.18 GB.
    const moe = engine.catalog.modelByKey.skippy_finetune;
    const dense7b = engine.catalog.modelByKey.skippy_7b_v4;
    expect(moe && decodeBytesPerTokenGb(moe)).toBeCloseTo(1.8, 12);
    expect(dense7b && decodeBytesPerTokenGb(dense7b)).toBe(4.18);
    const high = engine.hardware({ tier: 'high' });
    const m = engine.llmModel(high, 'skippy_7b_v4', {});
    const reference = engine.llm(high, { measurementKey: 'qwen25_7b_dense' });
    expect(m.perfScaleFactor).toBeCloseTo(1.8 / 4.18, 12);
    expect(m.decodeTokS).toBeCloseTo(reference.decodeTokS * (1.8 / 4.18), 10);
    expect(m.ttft1kSec).toBeCloseTo(reference.ttft1kSec / (1.8 / 4.18), 10);
    expect(m.measurementKey).toBe('qwen25_7b_dense');
  });

  it('keeps a measured per-model cell unscaled', () => {
    const gpu = engine.hardware({ tier: 'rtx5090' });
    const m = engine.llmModel(gpu, 'skippy_7b_v4', { quant: 'Q4_K_M' });
    expect(m.source).toBe('measured');
    expect(m.decodeTokS).toBe(183.9);
  });

  it('reports the model footprint and fit with no margin (reference behaviour)', () => {
    const imx95 = engine.hardware({ tier: 'imx95' });
    const m = engine.llmModel(imx95, 'qwen25_32b_dense', { quant: 'Q8_0' });
    expect(m.ggufSizeGb).toBe(17.88);
    expect(m.fitsInMemory).toBe(false); // 17.88 GB > 16 GB, at the Q4_K_M size whatever the quant
  });

  it('gates by compute dtype: fp16 models cannot run on INT8-only NPUs', () => {
    const mid = engine.hardware({ tier: 'mid' });
    const dense = engine.llmModel(mid, 'skippy_7b_v4', {});
    expect(dense.gate).toEqual({ computeDtype: 'fp16', level: 'unsupported', supported: false, reason: 'NPU Mid cannot run skippy_7b_v4 (needs fp16 compute)' });
    const moe = engine.llmModel(mid, 'instruct_moe_stock', {});
    expect(moe.gate.supported).toBe(true);
    const highInt8Only = engine.hardware({ tier: 'high', precisionSet: 'int8' });
    expect(engine.llmModel(highInt8Only, 'skippy_7b_v4', {}).gate.supported).toBe(false);
  });

  it('orders the dropdown: runnable first, then production, fine-tunes, stock bases, catalog order', () => {
    const mid = engine.hardware({ tier: 'mid' });
    const ordered = engine.orderedModels(mid);
    const firstIncompatible = ordered.findIndex((o) => !o.compatible);
    expect(ordered.slice(0, firstIncompatible).every((o) => o.model.computeDtype === 'int8')).toBe(true);
    expect(ordered.slice(firstIncompatible).every((o) => !o.compatible)).toBe(true);
    // Among the incompatible (dense fp16) models the production model leads.
    expect(ordered[firstIncompatible]?.model.key).toBe('skippy_7b_v4');
    const high = engine.orderedModels(engine.hardware({ tier: 'high' }));
    expect(high[0]?.model.key).toBe('skippy_7b_v4');
    expect(high.every((o) => o.compatible)).toBe(true);
  });

  it('rejects unknown models listing the valid keys', () => {
    expect(() => engine.llmModel(engine.hardware({ tier: 'mid' }), 'gpt-9', {})).toThrow(/unknown model "gpt-9"; valid: skippy_7b_v4/);
  });
});

describe('whose measurement a catalog model borrows (scaled_from)', () => {
  it('names the perf reference when its tier anchor is scaled to another model, keeping the reference badge', () => {
    const mid = engine.hardware({ tier: 'mid' });
    const scaled = engine.llmModel(mid, 'skippy_7b_v4', {});
    expect(scaled.source).toBe('measured_anchor');
    expect(scaled.perfScaleFactor).toBeCloseTo(1.8 / 4.18, 12);
    expect(scaled.scaledFrom).toBe('skippy_finetune');
    // A model with a factor of 1 on the same anchor still borrows the reference's number.
    expect(engine.llmModel(mid, 'thinking_stock', {}).scaledFrom).toBe('skippy_finetune');
  });

  it('is null for the perf reference itself', () => {
    expect(engine.llmModel(engine.hardware({ tier: 'mid' }), 'skippy_finetune', {}).scaledFrom).toBeNull();
  });

  it('names the measurement alias when its measured cell stands in, and is null for a model measured as itself', () => {
    const gpu = engine.hardware({ tier: 'rtx5090' });
    expect(engine.llmModel(gpu, 'skippy_7b_v4', {}).scaledFrom).toBe('qwen25_7b_dense');
    expect(engine.llmModel(gpu, 'qwen25_7b_dense', {}).scaledFrom).toBeNull();
  });
});
