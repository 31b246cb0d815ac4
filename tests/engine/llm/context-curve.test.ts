/**
 * Decode x context-length curve, worked out by hand from data/llm-bundle.json and the tier catalog.
 *
 * The MoE model's RTX 5090 anchors, sorted by p50 prompt tokens (tokens -> decode tok/s):
 *   34 -> 286.3 (short_chat), 152 -> 271.0 (agentic_roundtrip), 3271 -> 224.8 (rag_qa),
 *   3569 -> 206.3 (long_decode), 12691 -> 146.8 (meeting_summarization).
 * The dense 14B's: 34 -> 133.5, 152 -> 133.9, 7056 -> 101.4, 7909 -> 102.2, 12691 -> 88.5.
 */
import type { CatalogFiles } from '../../../src/engine/catalog/schemas';
import { llmBundleFileSchema } from '../../../src/engine/catalog/schemas-llm-bundle';
import { checkLlmBundle } from '../../../src/engine/llm/bundle-check';
import {
  type CalibrationAnchor,
  calibrationAnchors,
  decodeAtContext,
  decodeContextCurve,
  interpolateLogLinear,
  resolveBundleModel,
} from '../../../src/engine/llm/context-curve';
import { testEngine } from '../../helpers/engine';
import { thrownSizerError } from '../../helpers/fixtures';

const engine = testEngine();
const catalog = engine.catalog;
const MOE = 'qwen3-30b-a3b-q4-moe';
const DENSE = 'qwen2.5-14b-q4-dense';
const gpu = engine.hardware({ tier: 'rtx5090' });
const mid = engine.hardware({ tier: 'mid' });

function anchor(promptTokens: number, decodeTokS: number): CalibrationAnchor {
  return { workload: `w${promptTokens}`, promptTokens, decodeTokS, prefillTokS: 1000 };
}

const thrown = thrownSizerError;

describe('calibration anchors', () => {
  it('are the bake-off cells of the model, sorted by prompt tokens', () => {
    expect(calibrationAnchors(catalog, MOE).map((a) => [a.promptTokens, a.decodeTokS, a.workload])).toEqual([
      [34, 286.3, 'short_chat'],
      [152, 271.0, 'agentic_roundtrip'],
      [3271, 224.8, 'rag_qa'],
      [3569, 206.3, 'long_decode'],
      [12691, 146.8, 'meeting_summarization'],
    ]);
    expect(calibrationAnchors(catalog, DENSE).map((a) => a.promptTokens)).toEqual([34, 152, 7056, 7909, 12691]);
  });

  it('resolve models by key, display name or alias', () => {
    expect(resolveBundleModel(catalog, 'Qwen3-30B-A3B').key).toBe(MOE);
    expect(resolveBundleModel(catalog, 'qwen25_14b_dense').key).toBe(DENSE);
    expect(resolveBundleModel(catalog, 'qwen 2.5 14b instruct (q4_k_m, dense)').key).toBe(DENSE);
    expect(() => resolveBundleModel(catalog, 'llama-70b')).toThrow(/unknown model "llama-70b"; valid: qwen3-30b-a3b-q4-moe/);
  });
});

describe('log-linear interpolation', () => {
  // Two synthetic anchors a decade apart: 100 -> 200 tok/s, 1000 -> 100 tok/s.
  const decade = [anchor(100, 200), anchor(1000, 100)];

  it('is linear in ln(context): the geometric mean of the anchors is halfway', () => {
    // t = (ln 316.23 - ln 100) / (ln 1000 - ln 100) = 0.5 / 1 = 0.5, so y = 200 + 0.5 x (100 - 200) = 150.
    const read = interpolateLogLinear(decade, Math.sqrt(100 * 1000), 0.05);
    expect(read.source).toBe('interpolated');
    expect(read.decodeTokS).toBeCloseTo(150, 9);
    expect(read.anchors.map((a) => a.promptTokens)).toEqual([100, 1000]);
  });

  it('snaps to an anchor within 5 % (inclusive) and interpolates just outside it', () => {
    // |105 - 100| / 100 = 0.05 <= 0.05: the anchor itself.
    expect(interpolateLogLinear(decade, 105, 0.05)).toMatchObject({ decodeTokS: 200, source: 'measured' });
    // |106 - 100| / 100 = 0.06: interpolated, t = ln 1.06 / ln 10 = 0.025306, y = 200 - 100 t = 197.4694.
    const outside = interpolateLogLinear(decade, 106, 0.05);
    expect(outside.source).toBe('interpolated');
    expect(outside.decodeTokS).toBeCloseTo(197.4694, 4);
    // 960 is 4 % under 1000: snaps from below too.
    expect(interpolateLogLinear(decade, 960, 0.05)).toMatchObject({ decodeTokS: 100, source: 'measured' });
  });

  it('clamps both ends to the end anchors instead of extrapolating', () => {
    expect(interpolateLogLinear(decade, 50, 0.05)).toMatchObject({ decodeTokS: 200, source: 'extrapolated_low' });
    expect(interpolateLogLinear(decade, 1e6, 0.05)).toMatchObject({ decodeTokS: 100, source: 'extrapolated_high' });
  });

  it('checks the snap before the clamps, and the first anchor within the snap wins', () => {
    // 13000 is beyond the last MoE anchor (12691) but |13000 - 12691| / 12691 = 2.4 %: measured.
    const anchors = calibrationAnchors(catalog, MOE);
    expect(interpolateLogLinear(anchors, 13000, 0.05)).toMatchObject({ decodeTokS: 146.8, source: 'measured' });
    // 33 is below the first anchor (34) but 2.9 % off it: measured, not extrapolated_low.
    expect(interpolateLogLinear(anchors, 33, 0.05)).toMatchObject({ decodeTokS: 286.3, source: 'measured' });
    // 3400 is 3.9 % above 3271 and 4.7 % below 3569: the lower anchor (3271 -> 224.8) wins.
    expect(interpolateLogLinear(anchors, 3400, 0.05)).toMatchObject({ decodeTokS: 224.8, source: 'measured' });
  });
});

describe('decode at context: 1. the RTX 5090 measured curve', () => {
  it('interpolates the bake-off between the two anchors either side', () => {
    // 1000 lies between 152 -> 271.0 and 3271 -> 224.8:
    // t = ln(1000/152) / ln(3271/152) = 1.883875 / 3.068983 = 0.613846; y = 271.0 - 0.613846 x 46.2 = 242.6403.
    const d = decodeAtContext(catalog, gpu, MOE, 1000);
    expect(d).toMatchObject({ source: 'measured', regime: 'bw_bound', interpolation: 'interpolated', tierAnchor: null, npuShareUsed: 1 });
    expect(d.decodeTokS).toBeCloseTo(242.6403, 4);
    expect(d.curveAnchors.map((a) => a.workload)).toEqual(['agentic_roundtrip', 'rag_qa']);
  });

  it('scales by share over the default share (1.0 on the 5090) and ignores compiler quality', () => {
    // 242.6403 x 0.5 / 1.0 = 121.3202.
    const d = decodeAtContext(catalog, gpu, MOE, 1000, { npuShare: 0.5, compilerQuality: 0.5 });
    expect(d.decodeTokS).toBeCloseTo(121.3202, 4);
  });

  it('reads the snap and both clamps through the engine', () => {
    expect(decodeAtContext(catalog, gpu, MOE, 13000)).toMatchObject({ decodeTokS: 146.8, interpolation: 'measured' });
    expect(decodeAtContext(catalog, gpu, MOE, 10)).toMatchObject({ decodeTokS: 286.3, interpolation: 'extrapolated_low' });
    expect(decodeAtContext(catalog, gpu, DENSE, 32000)).toMatchObject({ decodeTokS: 88.5, interpolation: 'extrapolated_high' });
  });

  it('scales the curve by the bandwidth gain on a memory clone and demotes it to same-class', () => {
    // 512-bit bus x 14 GT/s / 8 = 896 GB/s, half the stock 1792: 242.6403 x 0.5 = 121.3202.
    const clone = engine.hardware({ tier: 'rtx5090', memory: 'lpddr6-14', memoryScope: 'any' });
    const d = decodeAtContext(catalog, clone, MOE, 1000);
    expect(d.source).toBe('same_class_anchor');
    expect(d.interpolation).toBe('interpolated');
    expect(d.decodeTokS).toBeCloseTo(121.3202, 4);
  });
});

describe('decode at context: 2. a same-family tier anchor', () => {
  it('uses the tier\'s own anchor, flat in context (measured_anchor)', () => {
    // Mid carries qwen3_30b_a3b_moe 37.85 tok/s: 37.85 x (134.4 / 134.4) x 0.75 x 1 = 28.3875 at any context.
    for (const context of [100, 1000, 32000]) {
      const d = decodeAtContext(catalog, mid, MOE, context);
      expect(d.source).toBe('measured_anchor');
      expect(d.decodeTokS).toBeCloseTo(28.3875, 10);
      expect(d.interpolation).toBeNull();
      expect(d.tierAnchor).toEqual({ tierId: 'mid', tierName: 'NPU Mid', anchorKey: 'qwen3_30b_a3b_moe', decodeTokS: 37.85, prefillTokS: 2849, bandwidthRatio: 1 });
    }
  });

  it('falls back to the next anchor key (High carries only skippy_finetune) and applies compiler quality', () => {
    const high = decodeAtContext(catalog, engine.hardware({ tier: 'high' }), MOE, 4000);
    expect(high.source).toBe('measured_anchor');
    expect(high.tierAnchor?.anchorKey).toBe('skippy_finetune');
    expect(high.decodeTokS).toBeCloseTo(28.3875, 10);
    // Low-LP5-64bit: 29.27 x 1 x 0.75 x 0.8 = 17.562.
    const low = decodeAtContext(catalog, engine.hardware({ tier: 'low-lp5-64bit' }), MOE, 4000, { compilerQuality: 0.8 });
    expect(low.decodeTokS).toBeCloseTo(17.562, 10);
  });

  it('scales by bandwidth on a memory clone (same_class_anchor), once', () => {
    // Mid at LPDDR6 14 GT/s: 128 x 14 / 8 = 224 GB/s. 37.85 x (224 / 134.4) x 0.75 = 47.3125.
    const clone = engine.hardware({ tier: 'mid', memory: 'lpddr6-14' });
    const d = decodeAtContext(catalog, clone, MOE, 1000);
    expect(d.source).toBe('same_class_anchor');
    expect(d.tierAnchor?.tierId).toBe('mid');
    expect(d.tierAnchor?.bandwidthRatio).toBeCloseTo(224 / 134.4, 12);
    expect(d.decodeTokS).toBeCloseTo(47.3125, 10);
  });

  it('labels a precision variant same_class_anchor: it is a what-if of the tier, not the tier', () => {
    const variant = engine.hardware({ tier: 'mid', precisionSet: 'int8_fp8' });
    const d = decodeAtContext(catalog, variant, MOE, 1000);
    expect(d.source).toBe('same_class_anchor');
    expect(d.decodeTokS).toBeCloseTo(28.3875, 10);
  });
});

describe('decode at context: 3. the cross-class roofline', () => {
  it('projects the dense 14B on Mid (no anchor under its key) from bandwidth', () => {
    // active GB = 14.7e9 x 0.57 / 1e9 = 8.379; effective bandwidth = 134.4 x 0.7 = 94.08 GB/s, x 1.0 realization x 0.75 share = 70.56.
    // bw floor = 8.379 / 70.56 x 1000 = 118.75 ms; compute floor = 2 x 14.7 GOPs / (200 INT8 TOPS x 0.1) = 1.47 ms.
    // decode = 1000 / 118.75 = 8.421053 tok/s, bandwidth-bound.
    const d = decodeAtContext(catalog, mid, DENSE, 4000);
    expect(d).toMatchObject({ source: 'cross_class', regime: 'bw_bound', tierAnchor: null, interpolation: null });
    expect(d.bwFloorMs).toBeCloseTo(118.75, 9);
    expect(d.computeFloorMs).toBeCloseTo(1.47, 12);
    expect(d.decodeTokS).toBeCloseTo(8.421053, 6);
  });

  it('projects the MoE on i.MX 95 (no anchor in its family)', () => {
    // 3.3e9 x 0.57 = 1.881 GB per token; 25.6 x 0.7 x 0.75 = 13.44 GB/s; 1.881 / 13.44 x 1000 = 139.955357 ms.
    // compute: 6.6 GOPs / (2 TOPS x 0.1) = 33 ms. decode = 1000 / 139.955357 = 7.145136 tok/s.
    const d = decodeAtContext(catalog, engine.hardware({ tier: 'imx95' }), MOE, 1000);
    expect(d.source).toBe('cross_class');
    expect(d.decodeTokS).toBeCloseTo(7.145136, 6);
  });

  it('turns compute-bound when the tier has bandwidth but little compute', () => {
    // Custom Neutron-class tier: 0.1 INT8 TOPS, 1000 GB/s. bw floor = 1.881 / (700 x 0.75) x 1000 = 3.582857 ms;
    // compute floor = 6.6 / (0.1 x 0.1) = 660 ms, so decode = 1000 / 660 x 1.0 = 1.515152 tok/s, compute_bound.
    const starved = engine.hardware({
      custom: {
        name: 'Starved',
        siliconClass: 'neutron',
        peakTopsInt8: 0.1,
        peakTopsBf16: 0,
        peakTopsFp8: 0,
        peakTopsFp4: 0,
        memBandwidthGbs: 1000,
        memCapacityGb: 16,
        memBusWidthBits: 128,
        memType: 'HBM',
        memDataRateGtps: 62.5,
        precisionSet: null,
        computeEfficiency: null,
        bandwidthEfficiency: null,
        tdpWatts: 10,
      },
    });
    const d = decodeAtContext(catalog, starved, MOE, 1000, { compilerQuality: 1 });
    expect(d.regime).toBe('compute_bound');
    expect(d.bwFloorMs).toBeCloseTo(3.582857, 6);
    expect(d.computeFloorMs).toBeCloseTo(660, 9);
    expect(d.decodeTokS).toBeCloseTo(1.515152, 6);
  });
});

describe('decode at context: inputs and curves', () => {
  it('rejects out-of-range inputs naming the field, the range and the value', () => {
    expect(thrown(() => decodeAtContext(catalog, gpu, MOE, 0))).toMatchObject({ code: 'out_of_range', message: 'context_tokens must be a whole number from 1 to 100000000, got 0' });
    expect(thrown(() => decodeAtContext(catalog, gpu, MOE, 10.5)).code).toBe('not_whole');
    expect(thrown(() => decodeAtContext(catalog, gpu, MOE, 100, { npuShare: 0 })).message).toBe('npu_share must be greater than 0 and at most 1, got 0');
    expect(thrown(() => decodeAtContext(catalog, gpu, MOE, 100, { compilerQuality: 11 })).message).toBe('compiler_quality must be greater than 0 and at most 10, got 11');
    expect(thrown(() => decodeAtContext(catalog, gpu, MOE, Number.NaN)).code).toBe('invalid_input');
  });

  it('evaluates a curve over the chart grid by default, and over a given list', () => {
    const curve = decodeContextCurve(catalog, gpu, MOE, null);
    expect(curve.points.map((p) => p.contextTokens)).toEqual(catalog.files['llm-bundle.json'].contextCurve.grid);
    expect(curve.calibrationAnchors).toHaveLength(5);
    const decreasing = curve.points.map((p) => p.decodeTokS);
    expect([...decreasing].sort((a, b) => b - a)).toEqual(decreasing);
    expect(decodeContextCurve(catalog, gpu, MOE, [1000]).points[0]?.decodeTokS).toBeCloseTo(242.6403, 4);
    expect(thrown(() => decodeContextCurve(catalog, gpu, MOE, [100, -5])).message).toBe('context_tokens[1] must be a whole number from 1 to 100000000, got -5');
    expect(thrown(() => decodeContextCurve(catalog, gpu, MOE, [])).code).toBe('out_of_range');
  });
});

describe('data/llm-bundle.json checks', () => {
  const edited = (edit: (bundle: CatalogFiles['llm-bundle.json']) => void): CatalogFiles => {
    const files = JSON.parse(JSON.stringify(catalog.files)) as CatalogFiles;
    edit(files['llm-bundle.json']);
    return files;
  };

  it('accept the shipped bundle', () => {
    expect(() => checkLlmBundle(catalog.files)).not.toThrow();
  });

  it.each([
    ['an unknown measuring tier', (b: CatalogFiles['llm-bundle.json']) => Object.assign(b, { measuredOnTier: 'rtx6090' }), 'measuredOnTier: unknown tier "rtx6090"'],
    ['a cell of an unknown model', (b: CatalogFiles['llm-bundle.json']) => Object.assign(b.cells, { 'llama-70b': {} }), 'cells.llama-70b: unknown model "llama-70b"'],
    ['an anchor key missing from measured.json', (b: CatalogFiles['llm-bundle.json']) => b.models[1]?.tierAnchorKeys.push('qwen25_14b_denze'), 'models[1].tierAnchorKeys[1]: "qwen25_14b_denze" is not a key in measured.json'],
    ['a dense what-if anchor that is MoE', (b: CatalogFiles['llm-bundle.json']) => Object.assign(b.whatIf, { denseAnchorModel: MOE }), 'whatIf.denseAnchorModel: "qwen3-30b-a3b-q4-moe" is not a dense model'],
    ['a grid out of order', (b: CatalogFiles['llm-bundle.json']) => b.contextCurve.grid.reverse(), 'contextCurve.grid[1]: the grid must be strictly ascending'],
  ])('reject %s', (_what, edit, message) => {
    const error = thrown(() => checkLlmBundle(edited(edit)));
    expect(error.code).toBe('catalog_invalid');
    expect(error.message).toBe(`data/llm-bundle.json: ${message}`);
  });

  it('has a strict schema: a misspelt field fails', () => {
    const raw = JSON.parse(JSON.stringify(catalog.files['llm-bundle.json'])) as Record<string, unknown>;
    expect(llmBundleFileSchema.safeParse(raw).success).toBe(true);
    expect(llmBundleFileSchema.safeParse({ ...raw, measuredOnTeir: 'rtx5090' }).success).toBe(false);
  });
});
