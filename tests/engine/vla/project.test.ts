/**
 * VLA projection behaviour, with expectations worked out by hand from the catalog figures:
 *
 *   RTX 5090 (reference): BF16 peak 209 TOPS, compute util 0.85, prefill util 0.10,
 *                         effective bandwidth 1792 x 0.85 = 1523.2 GB/s, 32 GB, default share 1
 *   NPU Mid:  INT8 200 (no FP), util 0.45 / 0.10, 134.4 x 0.7 = 94.08 GB/s, 24 GB, share 0.75
 *   NPU High: INT8 400, FP8 400, BF16 200, util 0.50 / 0.11, 94.08 GB/s, 32 GB, share 0.75
 *   i.MX 95:  INT8 2 (no FP), 16 GB
 *
 * So on Mid a vision time scales by (209 x 0.85) / (200 x 0.45) = 177.65 / 90, a prefill by
 * (209 x 0.10) / (200 x 0.10) = 1.045 and a decode token by 1523.2 / (94.08 x 0.75) x (1 byte / 2 bytes).
 */
import type { Hardware } from '../../../src/engine';
import { projectVla } from '../../../src/engine/vla/project';
import type { VlaProjection, VlaQuery } from '../../../src/engine/vla/types';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const catalog = engine.catalog;
const gpu = engine.hardware({ tier: 'rtx5090' });
const mid = engine.hardware({ tier: 'mid' });
const high = engine.hardware({ tier: 'high' });
const imx95 = engine.hardware({ tier: 'imx95' });

function project(hw: Hardware, vla: string, overrides: Partial<VlaQuery> = {}): VlaProjection {
  return projectVla(catalog, hw, { vla, dtype: null, nActionTokens: null, cameras: null, fleetSize: 1, cameraMode: 'native', npuShare: null, ...overrides });
}

/** The numbers a "does not run" answer carries: none. */
function expectNoNumbers(p: VlaProjection): void {
  expect(p.msPerAction).toBeNull();
  expect(p.actionHz).toBeNull();
  expect(p.visionMs).toBeNull();
  expect(p.dramGb).toBeNull();
  expect(p.fitsInMemory).toBeNull();
  expect(p.vlaSource).toBeNull();
  expect(p.regime).toBeNull();
}

describe('headline checks', () => {
  it('NORA on the 5090 is its measured end-to-end time, 79.22 ms', () => {
    const p = project(gpu, 'nora_3b');
    expect(p.runs).toBe(true);
    expect(p.vlaSource).toBe('measured');
    expect(p.regime).toBe('single_loop_measured');
    expect(p.msPerAction).toBe(79.22);
    expect(p.actionHz).toBeCloseTo(1000 / 79.22, 10);
    // the components are reported as measured: vision 13.83 + prefill 16.11
    expect(p.vlmForwardMs).toBeCloseTo(29.94, 10);
    expect(p.decodeMsPerToken).toBe(9.72);
  });

  it('NORA on Mid: 568.7 ms per action = 1.76 Hz', () => {
    const p = project(mid, 'nora_3b');
    const vision = (13.83 * 177.65) / 90; // 27.2989
    const prefill = 16.11 * 1.045; // 16.8350
    const decode = ((9.72 * 1523.2) / 70.56) * 0.5; // 104.914 per token, INT8 moves half the BF16 bytes
    expect(p.vlaSource).toBe('calibrated');
    expect(p.regime).toBe('single_loop_calibrated_latency_scaled');
    expect(p.visionMs).toBeCloseTo(vision, 9);
    expect(p.llmPrefillMs).toBeCloseTo(prefill, 9);
    expect(p.decodeMsPerToken).toBeCloseTo(decode, 9);
    expect(p.msPerAction).toBeCloseTo(vision + prefill + 5 * decode, 9);
    expect(p.msPerAction).toBeCloseTo(568.7, 1);
    expect(p.actionHz).toBeCloseTo(1.76, 2);
    expect(p.dramGb).toBe(3); // INT8 footprint
  });

  it('BitVLA (OFT): Mid 53.5 Hz, High 118 Hz', () => {
    // Mid: vision 22.558 x 177.65/90 = 44.527, LLM forward 100.513 x 1.045 = 105.036, 8 actions per forward
    const onMid = project(mid, 'bitvla');
    expect(onMid.regime).toBe('oft_parallel_chunk_calibrated_latency_scaled');
    expect(onMid.forwardMs).toBeCloseTo(44.526985556 + 105.036085, 6);
    expect(onMid.msPerAction).toBeCloseTo((44.526985556 + 105.036085) / 8, 6);
    expect(onMid.actionHz).toBeCloseTo(53.49, 2);
    // High: vision 22.558 x 177.65/(400 x 0.5) = 20.037, LLM 100.513 x 20.9/(400 x 0.11) = 47.744
    const onHigh = project(high, 'bitvla');
    expect(onHigh.msPerAction).toBeCloseTo((20.0371435 + 47.743675) / 8, 6);
    expect(onHigh.actionHz).toBeCloseTo(118.03, 2);
    expect(onHigh.nActionTokens).toBe(8); // the chunk length, not a decode count
    expect(onHigh.decodeMsPerToken).toBeNull();
  });

  it('NORA-1.5 (dual loop): High 21.0 Hz, Mid does not run', () => {
    // High, VLM at INT8 400 TOPS: vision 13.339 x 177.65/200 = 11.848, prefill 13.217 x 20.9/44 = 6.278.
    // Denoise: the step moves 29 GB/s x 15.775 ms = 0.457 GB; on the 5090 that took 0.300 ms, so
    // 15.475 ms is launch overhead; on High the bytes take 0.457 / 70.56 = 6.483 ms -> 21.958 ms a step.
    const p = project(high, 'nora_1p5');
    expect(p.runs).toBe(true);
    expect(p.regime).toBe('dual_loop_calibrated_vlm_decomposed_expert');
    expect(p.vlmDtype).toBe('int8');
    expect(p.expertDtype).toBe('fp8');
    expect(p.vlmBackboneMs).toBeCloseTo(18.12644175, 8);
    expect(p.denoiseStepMs).toBeCloseTo(21.958151125, 8);
    expect(p.denoiseStepMsOptimizedFloor).toBeCloseTo(6.483489229, 8);
    expect(p.chunkLatencyMs).toBeCloseTo(18.12644175 + 10 * 21.958151125, 7);
    expect(p.msPerAction).toBeCloseTo(47.5415906, 6);
    expect(p.actionHz).toBeCloseTo(21.03, 2);
    expect(p.msPerActionOptimizedFloor).toBeCloseTo((18.12644175 + 10 * 6.483489229) / 5, 7);
    expect(p.fastLoopOnlyHz).toBeCloseTo(5 / ((10 * 21.958151125) / 1000), 6);

    const onMid = project(mid, 'nora_1p5');
    expect(onMid.runs).toBe(false);
    expect(onMid.reason).toMatch(/FP8 or BF16/);
    expectNoNumbers(onMid);
  });

  it('π0.5: 5090 367 Hz as measured, High 148.8 Hz', () => {
    const onGpu = project(gpu, 'pi_0p5');
    expect(onGpu.vlaSource).toBe('measured');
    expect(onGpu.regime).toBe('dual_loop_measured');
    expect(onGpu.denoiseProjection).toBe('measured');
    expect(onGpu.msPerAction).toBe(2.723); // the stored amortised figure
    expect(onGpu.actionHz).toBeCloseTo(367.24, 2);
    expect(onGpu.vlmBackboneMs).toBe(52.807);
    expect(onGpu.chunkLatencyMs).toBe(136.161);
    expect(onGpu.expertDtype).toBe('bf16');
    // High: backbone 14.563 x 177.65/200 + 38.244 x 20.9/44 = 31.101; step 1.721 GB:
    // launch 7.217 - 1.130 = 6.087 ms, bytes 24.394 ms; chunk of 50 actions.
    const onHigh = project(high, 'pi_0p5');
    expect(onHigh.expertDtype).toBe('bf16'); // its path names bf16
    expect(onHigh.msPerAction).toBeCloseTo((31.10148475 + 10 * (6.086974724 + 24.394196429)) / 50, 7);
    expect(onHigh.actionHz).toBeCloseTo(148.85, 2);
  });
});

describe('gates', () => {
  it('an unknown camera mode, no cameras or an empty fleet do not run, with a reason and no numbers', () => {
    for (const p of [
      project(mid, 'nora_3b', { cameraMode: 'panorama' }),
      project(mid, 'nora_3b', { cameras: 0 }),
      project(mid, 'nora_3b', { fleetSize: 0 }),
    ]) {
      expect(p.runs).toBe(false);
      expect(p.deferred).toBe(false);
      expect(p.reason).not.toBeNull();
      expectNoNumbers(p);
    }
    expect(project(mid, 'nora_3b', { cameraMode: 'panorama' }).cameraMode).toBe('panorama'); // echoed as given
    expect(project(mid, 'pi_0p5', { fleetSize: 0 }).mode).toBe('multi_camera'); // three cameras by default
  });

  it('more cameras than the model takes natively does not run', () => {
    const p = project(mid, 'nora_3b', { cameras: 2 });
    expect(p.runs).toBe(false);
    expect(p.reason).toMatch(/at most 1 camera/);
    expect(p.mode).toBe('multi_camera');
    expectNoNumbers(p);
    expect(project(high, 'pi_0p5', { cameras: 4 }).runs).toBe(false);
  });

  it('each component must run at the dtype, and the hardware must have compute for it', () => {
    const int4 = project(high, 'openvla_7b_single', { dtype: 'int4' });
    expect(int4.runs).toBe(false);
    expect(int4.reason).toMatch(/does not run at int4/);
    const fp8OnMid = project(mid, 'openvla_7b_single', { dtype: 'fp8' });
    expect(fp8OnMid.runs).toBe(false);
    expect(fp8OnMid.reason).toMatch(/no FP8 compute/);
    expectNoNumbers(fp8OnMid);
    // BitVLA's components are INT8-only, and OFT honours the query's dtype
    expect(project(gpu, 'bitvla', { dtype: 'bf16' }).runs).toBe(false);
  });

  it('the dual loop ignores the dtype asked for (the VLM runs at its path default) but echoes it', () => {
    const asked = project(high, 'nora_1p5', { dtype: 'bf16' });
    const plain = project(high, 'nora_1p5');
    expect(asked.dtype).toBe('bf16');
    expect(asked.vlmDtype).toBe('int8');
    expect(asked.msPerAction).toBe(plain.msPerAction);
    expect(project(high, 'nora_1p5', { dtype: 'int4' }).runs).toBe(true);
  });

  it('the FP gate: an INT8-only rung blocks the action expert, an FP8 rung lets it run', () => {
    const intOnly = engine.hardware({ tier: 'high', precisionSet: 'int8' });
    expect(project(intOnly, 'pi_0p5').runs).toBe(false);
    const withFp8 = engine.hardware({ tier: 'mid', precisionSet: 'int8_fp8' });
    const p = project(withFp8, 'nora_1p5');
    expect(p.runs).toBe(true);
    expect(p.expertDtype).toBe('fp8');
    // π0.5's path names BF16, so it prefers BF16, but takes FP8 on hardware with no BF16
    expect(project(high, 'pi_0p5').expertDtype).toBe('bf16');
    const fp8Only = engine.hardware({
      custom: {
        name: 'FP8 only', siliconClass: 'lp5x_128', peakTopsInt8: 200, peakTopsBf16: 0, peakTopsFp8: 200, peakTopsFp4: 0,
        memBandwidthGbs: 134.4, memCapacityGb: 32, memBusWidthBits: 128, memType: 'LPDDR5X', memDataRateGtps: 8.4,
        precisionSet: null, computeEfficiency: null, bandwidthEfficiency: null, tdpWatts: 0,
      },
    });
    expect(project(fp8Only, 'pi_0p5').expertDtype).toBe('fp8');
  });

  it('a model with no measurements is deferred: no verdict, a reason, its own token count', () => {
    const p = project(high, 'openvla_7b_cached', { nActionTokens: 12 });
    expect(p.deferred).toBe(true);
    expect(p.runs).toBeNull();
    expect(p.reason).toMatch(/no RTX 5090 measurements/);
    expect(p.nActionTokens).toBe(12);
    expectNoNumbers(p);
  });
});

describe('cameras', () => {
  it('stitched cameras keep the measured timing, split the vision time per camera and carry a caveat', () => {
    const one = project(mid, 'nora_3b');
    const stitched = project(mid, 'nora_3b', { cameras: 4, cameraMode: 'stitched' });
    expect(stitched.runs).toBe(true);
    expect(stitched.msPerAction).toBe(one.msPerAction);
    expect(stitched.totalVisionMs).toBe(one.visionMs);
    expect(stitched.visionMsPerCamera).toBeCloseTo((one.visionMs ?? 0) / 4, 12);
    expect(stitched.stitchedQualityCaveat).toMatch(/4 cameras/);
    expect(stitched.vlaSource).toBe('calibrated'); // the measured image layout: not demoted
    expect(one.stitchedQualityCaveat).toBeNull();
  });

  it('a native camera count other than the measured one scales vision (and π0.5 prefill) and demotes to cross-class', () => {
    // π0.5 was measured with 3 cameras: one camera is a third of the vision and 2 x 6.612 ms less prefill
    const p = project(gpu, 'pi_0p5', { cameras: 1 });
    expect(p.vlaSource).toBe('cross_class');
    expect(p.regime).toBe('dual_loop_measured'); // the regime keeps its path
    expect(p.vlaSourceReason).toMatch(/measured with 3 cameras, projected for 1/);
    expect(p.visionMs).toBeCloseTo(14.563 / 3, 12);
    expect(p.llmPrefillMs).toBeCloseTo(38.244 - 2 * 6.612, 12);
    // re-composed: backbone + 10 steps of 7.217 ms (at full share the step is the measured one), 50 actions
    expect(p.msPerAction).toBeCloseTo((14.563 / 3 + 25.02 + 72.17) / 50, 9);

    const bitvla = project(high, 'bitvla', { cameras: 1 });
    expect(bitvla.vlaSource).toBe('cross_class');
    expect(bitvla.visionMs).toBeCloseTo(20.0371435 / 2, 8);
  });
});

describe('fleet and memory', () => {
  it('a fleet time-shares the chip: each robot gets 1/fleet, the chip rate is the single-instance rate', () => {
    const one = project(imx95, 'openvla_7b_single');
    const two = project(imx95, 'openvla_7b_single', { fleetSize: 2 });
    expect(two.mode).toBe('fleet');
    expect(two.runs).toBe(true); // 2 x 7.5 GB + 0.5 < 16 GB
    expect(two.fleetMemoryGb).toBe(15);
    expect(two.msPerAction).toBeCloseTo((one.msPerAction ?? 0) * 2, 9);
    expect(two.actionHz).toBeCloseTo((one.actionHz ?? 0) / 2, 12);
    expect(two.perInstanceMsPerAction).toBe(one.msPerAction);
    expect(two.aggregateActionHz).toBe(one.actionHz);
  });

  it('a fleet that does not fit does not run but keeps its numbers', () => {
    const p = project(imx95, 'openvla_7b_single', { fleetSize: 4 }); // 30 GB on 16 GB
    expect(p.runs).toBe(false);
    expect(p.fitsInMemory).toBe(false);
    expect(p.fleetMemoryGb).toBe(30);
    expect(p.reason).toMatch(/fleet of 4 needs 30 GB/);
    expect(p.msPerAction).not.toBeNull();
    expect(p.vlaSource).toBe('calibrated');
  });

  it('DRAM follows the dtype: BF16 doubles the footprint and the decode bytes', () => {
    const int8 = project(high, 'openvla_7b_single', { dtype: 'int8' });
    const bf16 = project(high, 'openvla_7b_single', { dtype: 'bf16' });
    expect(int8.dramGb).toBe(7.5);
    expect(bf16.dramGb).toBe(15);
    // High has twice the INT8 TOPS of BF16, and BF16 streams twice the bytes: everything doubles
    expect(bf16.msPerAction).toBeCloseTo((int8.msPerAction ?? 0) * 2, 9);
  });
});

describe('share, tokens and the reference', () => {
  it('the NPU share scales only the bandwidth terms', () => {
    const shared = project(mid, 'nora_3b');
    const full = project(mid, 'nora_3b', { npuShare: 1 });
    expect(full.npuShare).toBe(1);
    expect(shared.npuShare).toBe(0.75);
    expect(full.visionMs).toBe(shared.visionMs);
    expect(full.llmPrefillMs).toBe(shared.llmPrefillMs);
    expect(full.decodeMsPerToken).toBeCloseTo((shared.decodeMsPerToken ?? 0) * 0.75, 9);
  });

  it('the action token count changes the single-loop decode, except in the 5090 end-to-end measurement', () => {
    const twelve = project(mid, 'nora_3b', { nActionTokens: 12 });
    expect(twelve.nActionTokens).toBe(12);
    expect(twelve.msPerAction).toBeCloseTo(27.298883333 + 16.83495 + 12 * 104.914285714, 6);
    expect(project(gpu, 'nora_3b', { nActionTokens: 12 }).msPerAction).toBe(79.22);
    expect(project(high, 'pi_0p5', { nActionTokens: 12 }).nActionTokens).toBe(50);
  });

  it('on the 5090 a share below 1 stretches the denoise step but not the stored action time', () => {
    // floor: 0.457 GB at 1523.2 x 0.5 GB/s = 0.601 ms; launch 15.475 ms
    const p = project(gpu, 'nora_1p5', { npuShare: 0.5 });
    expect(p.denoiseStepMs).toBeCloseTo(16.075338104, 8);
    expect(p.msPerAction).toBe(36.551);
    expect(p.denoiseProjection).toBe('measured');
  });

  it('the reference is recognised by name and family: a renamed 5090 clone is calibrated against itself', () => {
    // 512-bit LPDDR6 at 14 GT/s = 896 GB/s. Calibrated at INT8 against the BF16 anchors: vision and prefill
    // scale by 209 / 419 TOPS, decode by 1523.2 / (896 x 0.85) x (1 byte / 2 bytes) = 1.
    const clone = engine.hardware({ tier: 'rtx5090', memory: 'lpddr6-14', memoryScope: 'any' });
    const p = project(clone, 'nora_3b');
    expect(p.vlaSource).toBe('calibrated');
    expect(p.visionMs).toBeCloseTo((13.83 * 209) / 419, 10);
    expect(p.llmPrefillMs).toBeCloseTo((16.11 * 209) / 419, 10);
    expect(p.decodeMsPerToken).toBeCloseTo(9.72, 10);
    expect(p.msPerAction).toBeCloseTo(((13.83 + 16.11) * 209) / 419 + 5 * 9.72, 9); // 63.53, not the measured 79.22
  });
});

describe('inputs outside the model', () => {
  it.each([
    [{ cameras: -1 }, /cameras must be a whole number from 0 to 16, got -1/],
    [{ cameras: 17 }, /cameras must be a whole number from 0 to 16, got 17/],
    [{ fleetSize: -2 }, /fleet_size must be a whole number from 0 to 10000, got -2/],
    [{ nActionTokens: 0 }, /n_action_tokens must be a whole number from 1 to 1024, got 0/],
    [{ npuShare: 0 }, /npu_share must be greater than 0 and at most 1, got 0/],
  ])('%j is out of range', (overrides, message) => {
    expect(() => project(mid, 'nora_3b', overrides)).toThrow(expect.objectContaining({ code: 'out_of_range', message: expect.stringMatching(message) }));
  });

  it.each([
    [{ cameras: 1.5 }, 'cameras must be a whole number from 0 to 16, got 1.5'],
    [{ fleetSize: 2.5 }, 'fleet_size must be a whole number from 0 to 10000, got 2.5'],
    [{ nActionTokens: 7.5 }, 'n_action_tokens must be a whole number from 1 to 1024, got 7.5'],
  ])('%j is not a whole number', (overrides, message) => {
    expect(() => project(mid, 'nora_3b', overrides)).toThrow(expect.objectContaining({ code: 'not_whole', message }));
  });

  it('an unknown dtype or model is an unknown name listing the valid ones', () => {
    expect(() => project(mid, 'nora_3b', { dtype: 'fp4' })).toThrow(expect.objectContaining({ code: 'unknown_name', message: expect.stringMatching(/valid: bf16, fp8, int8, int4/) }));
    expect(() => project(mid, 'nora_9b')).toThrow(expect.objectContaining({ code: 'unknown_name', message: expect.stringMatching(/valid: openvla_7b_single, nora_3b/) }));
  });
});
