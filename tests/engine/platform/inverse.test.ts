/** Inverse sizing on the engine facade, checked against the forward projections. */
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const mid = engine.hardware({ tier: 'mid' });

describe('inverse sizing', () => {
  it('max streams: the largest count whose per-stream FPS meets the target, checking every count', () => {
    const fps = (n: number) => engine.vision(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: n }).fpsPerStream;
    const target = (fps(5) + fps(6)) / 2; // between 6 and 5 streams
    expect(engine.maxStreams(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', targetFps: target })).toBe(5);
    expect(engine.maxStreams(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', targetFps: 1e6 })).toBe(0);
    expect(() => engine.maxStreams(mid, { pipeline: 'trt_fp8_1hz_clip', targetFps: 0 })).toThrow(/target_fps must be greater than 0/);
  });

  it('min tier: the smallest ladder tier that meets the target, skipping tiers that cannot run the model', () => {
    // The dense 7B is FP16: i.MX 95, Low-LP5-64bit and Mid cannot run it, so the first is Low-LP5X.
    expect(engine.minTierForTokps('skippy_7b_v4', 0.001, {})?.id).toBe('low-lp5x');
    expect(engine.minTierForTokps('skippy_finetune', 1e6, {})).toBeNull();
    // SAM 3 is bandwidth-bound: Mid and High share 94.08 GB/s and give the same FPS, so asking for
    // High's FPS finds Mid, the smaller of the two.
    const highFps = engine.vision(engine.hardware({ tier: 'high' }), { pipeline: 'sam3_bf16' }).fpsPerStream;
    expect(engine.minTierForFps(highFps, { pipeline: 'sam3_bf16' })?.id).toBe('mid');
  });

  it('required bandwidth: projecting a tier with that bandwidth gives the target back', () => {
    const required = engine.requiredBandwidth('skippy_finetune', 30, 'lp5x_128', { quant: 'Q8_0' });
    // lp5x_128 achieves 70% of theoretical bandwidth.
    expect(required.theoreticalGbs).toBeCloseTo(required.effectiveGbs / 0.7, 9);
    const tier = engine.hardware({ tier: `custom: class=lp5x_128; int8=100; bw=${required.theoreticalGbs}; cap=32` });
    expect(engine.llmModel(tier, 'skippy_finetune', { quant: 'Q8_0' }).decodeTokS).toBeCloseTo(30, 6);
    expect(() => engine.requiredBandwidth('skippy_finetune', -1, 'unknown', {})).toThrow(/target_tokps must be greater than 0/);
  });
});
