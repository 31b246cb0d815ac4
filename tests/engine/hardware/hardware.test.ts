import { effectiveBandwidthGbs } from '../../../src/engine/hardware/types';
import { SizerError } from '../../../src/engine/util/errors';
import { testEngine } from '../../helpers/engine';
import { customTierInput } from '../../helpers/fixtures';

const engine = testEngine();

describe('preset tiers', () => {
  it('resolve by display name, id and alias, case-insensitively', () => {
    const byName = engine.hardware({ tier: 'NPU Mid' });
    expect(engine.hardware({ tier: 'NPU Mid' })).toBe(byName); // memoized
    expect(engine.hardware({ tier: 'mid' })).toEqual(byName);
    expect(engine.hardware({ tier: 'MID' }).name).toBe('NPU Mid');
    expect(engine.hardware({ tier: 'rtx5090' }).name).toBe('RTX 5090 (reference, measured)');
    expect(engine.hardware({ tier: 'i.MX 95' }).name).toBe('NPU i.MX 95 (ground truth)');
  });

  it('reject an unknown name listing the valid ones', () => {
    expect(() => engine.hardware({ tier: 'NPU Huge' })).toThrow(/unknown tier "NPU Huge"; valid: imx95 .*mid \("NPU Mid"\)/);
  });

  it('compute effective bandwidth as theoretical x efficiency, without the NPU share', () => {
    expect(effectiveBandwidthGbs(engine.hardware({ tier: 'mid' }))).toBeCloseTo(94.08, 10);
    expect(effectiveBandwidthGbs(engine.hardware({ tier: 'rtx5090' }))).toBeCloseTo(1523.2, 10);
  });

  it('are built once with the catalog and frozen: every spelling gives the same object, a memory upgrade a new one', () => {
    const mid = engine.hardware({ tier: 'mid' });
    expect(engine.hardware({ tier: 'NPU Mid' })).toBe(mid);
    expect(engine.catalog.presetHardwareById.mid).toBe(mid);
    expect(Object.isFrozen(mid)).toBe(true);
    expect(Object.isFrozen(mid.peakTops)).toBe(true);
    const upgraded = engine.hardware({ tier: 'mid', memory: engine.catalog.memoryUpgrades[0]?.id, memoryScope: 'any' });
    expect(upgraded).not.toBe(mid);
    expect(engine.catalog.presetHardwareById.mid).toBe(mid);
    expect(mid.bwProjected).toBe(false);
  });

  it('require exactly one of tier and custom', () => {
    expect(() => engine.hardware({})).toThrow(SizerError);
    expect(() => engine.hardware({ tier: 'mid', custom: customInput() })).toThrow(/not both/);
  });
});

const customInput = customTierInput;

describe('custom tiers', () => {
  it('take blank factors from the silicon class', () => {
    const hw = engine.hardware({ custom: customInput() });
    expect(hw.origin).toBe('custom');
    expect(hw.computeEfficiency).toBe(0.7);
    expect(hw.bandwidthEfficiency).toBe(0.7);
    expect(hw.computeUtilFactor).toBe(0.5);
    expect(hw.family).toBe('LP5X-custom-128b');
    expect(hw.capability?.['bf16/fp16']).toBe('tensor_native');
  });

  it('keep factors the user gave', () => {
    const hw = engine.hardware({ custom: customInput({ computeEfficiency: 0.4, bandwidthEfficiency: 0.9 }) });
    expect(hw.computeEfficiency).toBe(0.4);
    expect(hw.bandwidthEfficiency).toBe(0.9);
  });

  it('narrow capability and zero TOPS under a precision set', () => {
    const hw = engine.hardware({ custom: customInput({ precisionSet: 'int8' }) });
    expect(hw.peakTops).toEqual({ bf16: 0, int8: 100, fp8: 0, fp4: 0 });
    expect(hw.capability?.fp8).toBe('unsupported');
    const fp8 = engine.hardware({ custom: customInput({ precisionSet: 'int8_fp8' }) });
    expect(fp8.peakTops.fp4).toBe(0);
    expect(fp8.peakTops.fp8).toBe(100);
  });

  it('reject an unknown silicon class and a tier with no compute', () => {
    expect(() => engine.hardware({ custom: customInput({ siliconClass: 'quantum' }) })).toThrow(/unknown silicon class "quantum"; valid: neutron/);
    expect(() => engine.hardware({ custom: customInput({ peakTopsInt8: 0, precisionSet: 'int8' }) })).toThrow(/no INT8, BF16 or FP8 compute left under precision set int8/);
  });
});

describe('memory-upgrade clones', () => {
  const stock = engine.hardware({ tier: 'mid' });
  const clone = engine.hardware({ tier: 'mid', memory: 'lpddr6-14' });

  it('recompute bandwidth from the bus and the new data rate and are flagged projected', () => {
    expect(clone.memBandwidthGbs).toBeCloseTo((128 * 14) / 8, 10);
    expect(clone.memType).toBe('LPDDR6');
    expect(clone.bwProjected).toBe(true);
    expect(clone.stockName).toBe('NPU Mid');
    expect(clone.stockMemBandwidthGbs).toBe(134.4);
    // Named as the reference tool's UI names it; the reference engine's own name on the engine scope.
    expect(clone.name).toBe('NPU Mid (LPDDR6-14)');
    expect(engine.hardware({ tier: 'mid', memory: 'lpddr6-14', memoryScope: 'any' }).name).toBe('NPU Mid (LPDDR6 @ 14.0 GT/s)');
    expect(engine.hardware({ tier: 'high', memory: 'lpddr5t-11.2' }).name).toBe('NPU High (LPDDR5T-11)');
  });

  it('apply to NPU Mid and High only (data/tiers.json uiMemoryUpgrade), and custom tiers; the engine scope takes any tier', () => {
    for (const tier of ['imx95', 'low-lp5-64bit', 'low-lp5x', 'rtx5090']) {
      expect(() => engine.hardware({ tier, memory: 'lpddr6-14' })).toThrow(/memory upgrades apply to NPU Mid and NPU High only \(and custom tiers\), not /);
      expect(engine.hardware({ tier, memory: 'lpddr6-14', memoryScope: 'any' }).bwProjected).toBe(true);
    }
    expect(engine.hardware({ tier: 'high', memory: 'lpddr6-14' }).memBandwidthGbs).toBeCloseTo(224, 10);
    expect(engine.hardware({ tier: 'custom: int8=10; bus=64; rate=6.4; cap=16', memory: 'lpddr6-14' }).bwProjected).toBe(true);
  });

  it('scale decode anchors by the bandwidth ratio and keep prefill at stock (Amendment 5)', () => {
    const ratio = clone.memBandwidthGbs / stock.memBandwidthGbs;
    expect(clone.llmTierAnchors.skippy_finetune?.decodeTokS).toBeCloseTo(37.85 * ratio, 10);
    expect(clone.llmTierAnchors.skippy_finetune?.prefillTokS).toBe(2917.4);
  });

  it('never modify the preset they came from', () => {
    expect(stock.memBandwidthGbs).toBe(134.4);
    expect(stock.llmTierAnchors.skippy_finetune?.decodeTokS).toBe(37.85);
    expect(Object.isFrozen(clone)).toBe(true);
    expect(engine.catalog.tierById.mid?.memory.bandwidthGbs).toBe(134.4);
  });

  it('accept the display label as well as the id', () => {
    expect(engine.hardware({ tier: 'NPU Mid', memory: 'LPDDR6 @ 14 GT/s' }).memBandwidthGbs).toBe(clone.memBandwidthGbs);
    expect(() => engine.hardware({ tier: 'mid', memory: 'HBM3' })).toThrow(/unknown memory upgrade "HBM3"; valid: lpddr5t-11.2/);
  });
});

describe('precision-set variants', () => {
  it('apply the tier ladder and keep the base family, anchors and share', () => {
    const hw = engine.hardware({ tier: 'high', precisionSet: 'int8_fp8_fp4' });
    expect(hw.name).toBe('NPU High · INT+FP8+FP4');
    expect(hw.peakTops).toEqual({ bf16: 200, int8: 400, fp8: 400, fp4: 800 });
    expect(hw.family).toBe('LP5X-8.4-128b');
    expect(hw.capability?.nvfp4).toBe('tensor_native');
    expect(hw.llmTierAnchors.skippy_finetune?.prefillTokS).toBe(5835.3);
  });

  it('on a memory clone: upgrade first, then the variant, which is not bandwidth-projected', () => {
    const hw = engine.hardware({ tier: 'mid', memory: 'lpddr6-12', precisionSet: 'int8_fp8_fp4' });
    expect(hw.bwProjected).toBe(false);
    expect(hw.memBandwidthGbs).toBeCloseTo(192, 10);
    expect(hw.llmTierAnchors.skippy_finetune?.decodeTokS).toBeCloseTo(37.85 * (192 / 134.4), 10);
  });

  it('are refused on tiers without a ladder', () => {
    expect(() => engine.hardware({ tier: 'imx95', precisionSet: 'int8' })).toThrow(/precision sets apply only to NPU Mid, NPU High/);
  });
});

describe('capability levels', () => {
  it('map dtypes to the tier capability table', () => {
    const mid = engine.hardware({ tier: 'mid' });
    expect(engine.capability(mid, 'int8')).toBe('tensor_native');
    expect(engine.capability(mid, 'fp16')).toBe('unsupported');
    expect(engine.capability(engine.hardware({ tier: 'rtx5090' }), 'int8')).toBe('tensor_compat');
    expect(engine.capability(engine.hardware({ tier: 'high' }), 'bf16')).toBe('tensor_native');
    expect(() => engine.capability(mid, 'int3')).toThrow(/unknown dtype "int3"/);
  });

  it('fall back to peak compute when a custom class has no table', () => {
    const hw = engine.hardware({ custom: { ...customInput(), siliconClass: 'unknown', peakTopsBf16: 0 } });
    expect(hw.capability).toBeNull();
    expect(engine.capability(hw, 'bf16')).toBe('unsupported');
    expect(engine.capability(hw, 'int8')).toBe('tensor_native');
  });
});

describe('custom tier ranges (found by fuzzing)', () => {
  it('refuse figures so small or large that projections would overflow, naming the field and range', () => {
    expect(() => engine.hardware({ custom: customInput({ memBandwidthGbs: 1e-300 }) })).toThrow(/mem_bandwidth_gbs must be from 0.001 to 1000000, got 1e-300/);
    expect(() => engine.hardware({ custom: customInput({ peakTopsInt8: 1e308 }) })).toThrow(/peak_tops_int8 must be 0, or from 0.001 to 1000000, got 1e\+308/);
    expect(() => engine.hardware({ custom: customInput({ computeEfficiency: 1e-9 }) })).toThrow(/compute_efficiency/);
    expect(() => engine.hardware({ tier: 'custom: int8=10; bw=1e308; cap=16' })).toThrow(/mem_bandwidth_gbs/);
  });

  it('refuse a memory upgrade on a custom tier without a bus width, instead of projecting 0 GB/s', () => {
    expect(() => engine.hardware({ tier: 'custom: int8=10; bw=50; cap=16', memory: 'lpddr6-14' })).toThrow(/a memory upgrade needs the tier's bus width/);
    const withBus = engine.hardware({ tier: 'custom: int8=10; bus=64; rate=6.4; cap=16', memory: 'lpddr6-14' });
    expect(withBus.memBandwidthGbs).toBeCloseTo((64 * 14) / 8, 10);
  });
});
