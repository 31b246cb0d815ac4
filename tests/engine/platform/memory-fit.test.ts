/**
 * The combined memory-fit rule (docs/decisions/0017): the enabled workloads' resident footprints,
 * each with its own reference margin, added up against the tier's capacity. Expected values are
 * worked by hand from data/ (pipelines.json vramMb, llm-models.json sizeGb, vla.json
 * inferenceDramGb and fitMarginGb, tiers.json capacity).
 */
import { combinedMemoryFit, type CustomTierInput, formatCustomSpec, llmModelMemoryNeed, visionMemoryNeed, vlaMemoryNeed } from '../../../src/engine';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const high = engine.hardware({ tier: 'high' }); // 32 GB
const vision = engine.vision(high, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1 }); // vramMb 250
const moe = engine.llmModel(high, 'skippy_finetune', {}); // sizeGb 18.0

describe('combined memory fit', () => {
  it('adds the footprints and margins: 250 MB vision + 18.0 GB LLM on 32 GB fits with 13.76 GB to spare', () => {
    const fit = combinedMemoryFit(high.memCapacityGb, [visionMemoryNeed(vision), llmModelMemoryNeed(moe)]);
    expect(fit.needs.map((n) => [n.workload, n.residentGb, n.marginGb])).toEqual([
      ['vision', 250 / 1024, 0],
      ['llm', 18, 0],
    ]);
    expect(fit.neededGb).toBeCloseTo(18.244140625, 12);
    expect(fit.headroomGb).toBeCloseTo(32 - 18.244140625, 12);
    expect(fit.fits).toBe(true);
  });

  it('spills where each workload fits alone: + OpenVLA 7B at INT8 for a fleet of 2 (2 x 7.5 + 0.5 GB) on 32 GB', () => {
    const vla = engine.vla(high, { vla: 'openvla_7b_single', fleetSize: 2 });
    const vlaNeed = vlaMemoryNeed(engine.catalog, vla);
    expect(vlaNeed).toEqual({ workload: 'vla', residentGb: 15, marginGb: 0.5 });
    // Each on its own fits (what the old pane ANDed) ...
    expect([vision.fitsInMemory, moe.fitsInMemory, vla.fitsInMemory]).toEqual([true, true, true]);
    // ... but together they need 250/1024 + 18 + 15 + 0.5 = 33.744 GB of 32.
    const fit = combinedMemoryFit(high.memCapacityGb, [visionMemoryNeed(vision), llmModelMemoryNeed(moe), vlaNeed!]);
    expect(fit.neededGb).toBeCloseTo(33.744140625, 12);
    expect(fit.headroomGb).toBeCloseTo(-1.744140625, 12);
    expect(fit.fits).toBe(false);
  });

  it('with one workload, the verdict is that workload\'s own check (VLA fleets either side of the capacity)', () => {
    const verdicts: boolean[] = [];
    for (const fleetSize of [1, 2, 3, 4, 5]) {
      const vla = engine.vla(high, { vla: 'openvla_7b_single', fleetSize });
      const need = vlaMemoryNeed(engine.catalog, vla);
      expect(need?.residentGb).toBe(7.5 * fleetSize);
      const fits = combinedMemoryFit(high.memCapacityGb, [need!]).fits;
      expect(fits).toBe(vla.fitsInMemory);
      verdicts.push(fits);
    }
    // 4 x 7.5 + 0.5 = 30.5 < 32 fits; 5 x 7.5 + 0.5 = 38 does not.
    expect(verdicts).toEqual([true, true, true, true, false]);
    const low = engine.hardware({ tier: 'low-lp5x' }); // 16 GB
    for (const pipeline of ['trt_fp8_1hz_clip', 'sam3_bf16']) {
      const v = engine.vision(low, { pipeline, resolution: '1080p', streams: 1 });
      expect(combinedMemoryFit(low.memCapacityGb, [visionMemoryNeed(v)]).fits).toBe(v.fitsInMemory);
    }
  });

  it('is strict: a total equal to the capacity spills, though the catalog LLM check alone says 18.0 <= 18 fits', () => {
    const custom = engine.hardware({ tier: formatCustomSpec({ ...customBase(), memCapacityGb: 18 }) });
    const model = engine.llmModel(custom, 'skippy_finetune', {});
    expect(model.fitsInMemory).toBe(true);
    const fit = combinedMemoryFit(custom.memCapacityGb, [llmModelMemoryNeed(model)]);
    expect(fit.neededGb).toBe(18);
    expect(fit.fits).toBe(false);
  });

  it('a VLA with no footprint (it does not run on this dtype) adds nothing', () => {
    const mid = engine.hardware({ tier: 'mid' });
    const vla = engine.vla(mid, { vla: 'pi_0p5' });
    expect(vla.runs).toBe(false);
    expect(vlaMemoryNeed(engine.catalog, vla)).toBeNull();
    expect(combinedMemoryFit(24, []).neededGb).toBe(0);
  });
});

function customBase(): CustomTierInput {
  return {
    name: 'Custom NPU',
    siliconClass: 'lp5x_128',
    peakTopsInt8: 200,
    peakTopsBf16: 100,
    peakTopsFp8: 0,
    peakTopsFp4: 0,
    memBandwidthGbs: 134.4,
    memCapacityGb: 8,
    memBusWidthBits: 128,
    memType: 'LPDDR5X',
    memDataRateGtps: 8.4,
    precisionSet: null,
    computeEfficiency: null,
    bandwidthEfficiency: null,
    tdpWatts: 25,
  };
}
