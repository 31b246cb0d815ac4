/** LLM projection behaviour, worked out by hand from the catalog figures. */
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const mid = engine.hardware({ tier: 'mid' });

describe('anchor-model LLM projection', () => {
  it('uses the tier MoE anchor scaled by quant bytes and the share', () => {
    const q4 = engine.llm(mid, {});
    expect(q4.source).toBe('measured_anchor');
    expect(q4.decodeTokS).toBeCloseTo(37.85 * 0.75, 10);
    expect(q4.ttft1kSec).toBeCloseTo(1024 / 2917.4, 12);
    const q8 = engine.llm(mid, { quant: 'Q8_0', npuShare: 1 });
    expect(q8.decodeTokS).toBeCloseTo(37.85 * (0.57 / 1.04), 10);
    expect(q8.fitsInMemory).toBe(false); // 32.5 GB + 2 GB margin > 24 GB
    expect(q4.fitsInMemory).toBe(true);
  });

  it('derives the answer latencies from decode and TTFT', () => {
    const l = engine.llm(mid, { npuShare: 1 });
    expect(l.shortAnswerSec).toBeCloseTo(200 / l.decodeTokS, 12);
    expect(l.ragPrefillSec).toBeCloseTo((8192 * l.ttft1kSec) / 1000, 12);
    expect(l.ragDecodeSec).toBeCloseTo(2048 / l.decodeTokS, 12);
    expect(l.ragTotalSec).toBeCloseTo(l.ragPrefillSec + l.ragDecodeSec, 12);
    expect(l.decodeCeilingTokS).toBeCloseTo((94.08 * 1e9) / (3e9 * 0.57), 8);
    expect(l.regime).toBe('bw_bound');
  });

  it('applies workload multipliers to decode and TTFT', () => {
    const plain = engine.llm(mid, {});
    const rag = engine.llm(mid, { workload: 'rag_long_context' });
    const multipliers = engine.catalog.workloadByKey.rag_long_context;
    expect(rag.decodeTokS).toBeCloseTo(plain.decodeTokS * (multipliers?.decodeMultiplier ?? NaN), 10);
    expect(rag.ttft1kSec).toBeCloseTo(plain.ttft1kSec * 130.5, 8);
    expect(engine.llm(mid, { workload: 'RAG / long context (~5K prompt)' }).workload).toBe('rag_long_context');
  });

  it('falls back to the bandwidth ceiling at the share on tiers with no anchor (cross-class)', () => {
    const imx95 = engine.hardware({ tier: 'imx95' });
    const l = engine.llm(imx95, {});
    const ceiling = (17.92 * 1e9) / (3e9 * 0.57);
    expect(l.source).toBe('cross_class');
    expect(l.decodeTokS).toBeCloseTo(ceiling * 0.75, 10);
    // prefill is compute-bound: 1024 tokens x 6 flops / (2 TOPS x 0.1 util) ms, plus 1 ms overhead
    expect(l.ttft1kSec).toBeCloseTo((1024 * 6) / (2 * 0.1) / 1000 + 0.001, 10);
  });

  it('uses a measured per-model cell on the 5090 and the anchor elsewhere', () => {
    const gpu = engine.hardware({ tier: 'rtx5090' });
    const cell = engine.llm(gpu, { measurementKey: 'qwen25_7b_dense', quant: 'Q5_K_M' });
    expect(cell.source).toBe('measured');
    expect(cell.decodeTokS).toBe(170);
    expect(cell.ttft1kSec).toBeCloseTo(1024 / 7215, 12);
    const unmeasured = engine.llm(gpu, { measurementKey: 'qwen25_14b_dense', quant: 'Q5_K_M' });
    expect(unmeasured.source).toBe('measured_anchor');
    expect(engine.llm(mid, { measurementKey: 'qwen25_7b_dense' }).source).toBe('measured_anchor');
  });

  it('labels anchors on memory clones same-class and scales decode by the bandwidth ratio', () => {
    const clone = engine.hardware({ tier: 'mid', memory: 'lpddr6-14' });
    const l = engine.llm(clone, { npuShare: 1 });
    expect(l.source).toBe('same_class_anchor');
    expect(l.decodeTokS).toBeCloseTo(37.85 * (224 / 134.4), 10);
    expect(l.ttft1kSec).toBeCloseTo(1024 / 2917.4, 12);
  });

  it('scales prefill by the precision rung and FP4 maturity', () => {
    const fp4 = engine.hardware({ tier: 'mid', precisionSet: 'int8_fp8_fp4' });
    const base = engine.llm(mid, {});
    expect(engine.llm(fp4, {}).precisionPrefillScale).toBe(0.5);
    expect(engine.llm(fp4, {}).ttft1kSec).toBeCloseTo(base.ttft1kSec * 0.5, 12);
    expect(engine.llm(fp4, { fp4Maturity: 'immature' }).precisionPrefillScale).toBe(2);
    expect(engine.llm(engine.hardware({ tier: 'mid', precisionSet: 'int8' }), {}).precisionPrefillScale).toBe(1);
    expect(() => engine.llm(fp4, { fp4Maturity: 'experimental' })).toThrow(/fp4_maturity must be "mature" or "immature"/);
  });

  it('rejects unknown quants and workloads with the valid list', () => {
    expect(() => engine.llm(mid, { quant: 'Q3_K_S' })).toThrow(/unknown quant "Q3_K_S"; valid: Q4_K_M, Q5_K_M, Q8_0/);
    expect(() => engine.llm(mid, { workload: 'poetry' })).toThrow(/unknown workload "poetry"; valid: plain_chat/);
  });
});
