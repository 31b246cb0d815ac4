/**
 * Vision projection behaviour, with expectations worked out by hand from the catalog figures
 * (Mid effective bandwidth 134.4 x 0.7 = 94.08 GB/s is the legacy reference).
 */
import { batchCurveMs } from '../../../src/engine/vision/legacy';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const mid = engine.hardware({ tier: 'mid' });
const high = engine.hardware({ tier: 'high' });
const imx95 = engine.hardware({ tier: 'imx95' });
const lp5x = engine.hardware({ tier: 'low-lp5x' });
const gpu = engine.hardware({ tier: 'rtx5090' });

describe('batch curves', () => {
  const curve = { '1': 27.2, '2': 31.1, '4': 38, '8': 65.8, '16': 126.5 };
  it('interpolate linearly and clamp at the ends', () => {
    expect(batchCurveMs(curve, 1)).toBe(27.2);
    expect(batchCurveMs(curve, 3)).toBeCloseTo(34.55, 12);
    expect(batchCurveMs(curve, 12)).toBeCloseTo((65.8 + 126.5) / 2, 12);
    expect(batchCurveMs(curve, 40)).toBe(126.5);
  });
});

describe('single stream', () => {
  it('legacy path when a pipeline has no compute figure: scaled by bandwidth ratio and share', () => {
    const v = engine.vision(mid, { pipeline: 'yoloe26_s_pf_fp16', resolution: '720p' });
    expect(v.source).toBe('projected');
    expect(v.regime).toBeNull();
    expect(v.perStreamMs).toBeCloseTo(75.5 / 0.75, 10);
    expect(v.bwFloorMs).toBeNull();
    const full = engine.vision(mid, { pipeline: 'yoloe26_s_pf_fp16', resolution: '720p', npuShare: 1 });
    expect(full.perStreamMs).toBeCloseTo(75.5, 10);
    const halfQuality = engine.vision(mid, { pipeline: 'yoloe26_s_pf_fp16', resolution: '720p', npuShare: 1, compilerQuality: 0.5 });
    expect(halfQuality.perStreamMs).toBeCloseTo(151, 10);
  });

  it('roofline: max of DRAM floor and compute floor plus overhead, labelled cross-class', () => {
    const v = engine.vision(imx95, { pipeline: 'sam3_bf16', resolution: '720p', npuShare: 1 });
    const bwFloor = 118975 / 17.92;
    const computeFloor = 350 / (2 * 0.19); // bf16 has no TOPS on i.MX 95: the widest peak (INT8) is used
    expect(v.bwFloorMs).toBeCloseTo(bwFloor, 8);
    expect(v.computeFloorMs).toBeCloseTo(computeFloor, 8);
    expect(v.regime).toBe('bw_bound');
    expect(v.source).toBe('cross_class');
    expect(v.fitsInMemory).toBe(true);
    // bandwidth-bound and far slower than the GPU-implied floor: neither cap moves it
    expect(v.perStreamMs).toBeGreaterThanOrEqual(bwFloor + 1 - 1e-9);
  });

  it('compiler quality leaves the roofline untouched', () => {
    const a = engine.vision(high, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p' });
    const b = engine.vision(high, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', compilerQuality: 0.5 });
    expect(b.perStreamMs).toBe(a.perStreamMs);
    expect(b.yoloMs).toBeCloseTo((a.yoloMs ?? 0) * 2, 10);
  });

  it('a measured cell wins, divided by the share, with no regime', () => {
    const v = engine.vision(lp5x, { pipeline: 'yolov8n_trt_int8_coco128', resolution: '1080p' });
    expect(v.source).toBe('measured');
    expect(v.regime).toBeNull();
    expect(v.perStreamMs).toBeCloseTo(2.0 / 0.75, 12);
    expect(v.bwFloorMs).not.toBeNull(); // diagnostics keep the roofline values
  });

  it('a measured cell on a memory clone is bandwidth-scaled and demoted to same-class', () => {
    const clone = engine.hardware({ tier: 'low-lp5x', memory: 'lpddr6-14', memoryScope: 'any' });
    const v = engine.vision(clone, { pipeline: 'yolov8n_trt_int8_coco128', resolution: '1080p', npuShare: 1 });
    expect(v.source).toBe('same_class_anchor');
    expect(v.perStreamMs).toBeCloseTo(2.0 / ((64 * 14) / 8 / 67.2), 12);
  });

  it('resolutions without a measurement on a measured family are same-class projections', () => {
    const v = engine.vision(lp5x, { pipeline: 'yolov8n_trt_int8_coco128', resolution: '720p' });
    expect(v.source).toBe('same_class_anchor');
    expect(v.regime === 'bw_bound' || v.regime === 'compute_bound' || v.regime?.startsWith('overhead')).toBe(true);
  });

  it('the GPU measurement bounds edge projections from below', () => {
    // On the GPU family itself the measurement is used directly.
    const g = engine.vision(gpu, { pipeline: 'trt_fp8_every_frame', resolution: '4K' });
    expect(g.source).toBe('measured');
    expect(g.perStreamMs).toBe(32.19);
    // High at full share: roofline ~ (650 / 94.08) + 1, but the GPU spent 32.19 ms of which only
    // 650 / 1523.2 was DRAM, so the cap is 650 / 94.08 + (32.19 - 650 / 1523.2).
    const v = engine.vision(high, { pipeline: 'trt_fp8_every_frame', resolution: '4K', npuShare: 1 });
    const cap = 650 / 94.08 + (32.19 - 650 / 1523.2);
    expect(v.perStreamMs).toBeCloseTo(cap, 9);
    expect(v.regime).toBe('overhead_bound_5090_clamped');
  });

  it('composed pipelines report their batch-1 YOLO and CLIP terms without the share', () => {
    const v = engine.vision(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', npuShare: 0.5 });
    expect(v.yoloMs).toBeCloseTo(27.2 * 1.07, 10);
    expect(v.clipMs).toBeCloseTo(15.1 / 30, 10);
    const plain = engine.vision(mid, { pipeline: 'sam3_bf16' });
    expect(plain.yoloMs).toBeNull();
    expect(plain.clipMs).toBeNull();
  });
});

describe('several streams', () => {
  it('composed pipelines batch the detector: one batch time serves every stream', () => {
    const v = engine.vision(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '720p', streams: 3, npuShare: 0.5 });
    expect(v.yoloMs).toBeCloseTo(34.55, 10);
    expect(v.clipMs).toBeCloseTo((15.1 * 3) / 30, 10);
    expect(v.perStreamMs).toBeCloseTo(36.06, 10);
    expect(v.totalFps).toBeCloseTo((1000 / 36.06) * 3, 8);
    expect(v.vramMb).toBe(250 + 40 * 3);
    expect(v.source).toBeNull(); // the reference leaves batched rows unlabelled
  });

  it('other pipelines time-slice: total FPS stays at the single-stream legacy rate', () => {
    const one = engine.vision(mid, { pipeline: 'yoloe26_s_pf_fp16', resolution: '720p' });
    const four = engine.vision(mid, { pipeline: 'yoloe26_s_pf_fp16', resolution: '720p', streams: 4 });
    expect(four.totalFps).toBeCloseTo(one.fpsPerStream, 10);
    expect(four.fpsPerStream).toBeCloseTo(one.fpsPerStream / 4, 10);
    expect(four.vramMb).toBe(one.vramMb);
  });
});

describe('input checks', () => {
  it('reject streams outside 1..16, a share outside (0, 1] and unknown names', () => {
    expect(() => engine.vision(mid, { pipeline: 'sam3_bf16', streams: 0 })).toThrow(/streams must be a whole number from 1 to 16, got 0/);
    expect(() => engine.vision(mid, { pipeline: 'sam3_bf16', streams: 2.5 })).toThrow(/whole number/);
    expect(() => engine.vision(mid, { pipeline: 'sam3_bf16', npuShare: 0 })).toThrow(/npu_share must be greater than 0/);
    expect(() => engine.vision(mid, { pipeline: 'sam3_bf16', npuShare: 1.5 })).toThrow(/at most 1/);
    expect(() => engine.vision(mid, { pipeline: 'sam4' })).toThrow(/unknown pipeline "sam4"; valid: sam3_bf16/);
    expect(() => engine.vision(mid, { pipeline: 'sam3_bf16', resolution: '8K' })).toThrow(/unknown resolution "8K"; valid: 720p, 1080p, 4K/);
  });

  it('accept pipeline labels and resolution synonyms', () => {
    const v = engine.vision(mid, { pipeline: 'TRT FP8 + CLIP @ 1 Hz (DEFAULT)', resolution: '1920x1080' });
    expect(v.pipeline).toBe('trt_fp8_1hz_clip');
    expect(v.resolution).toBe('1080p');
  });
});
