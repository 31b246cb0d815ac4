/** Inverse sizing, which the reference sizer cannot do: what it takes to meet a target. */
import { effectiveBandwidthGbs } from '../../engine';
import { decodeCeilingTokS } from '../../engine/llm/project';
import { defineFunction, FunctionError } from '../registry/types';
import { arg, COMPILER_QUALITY, MEMORY, NPU_SHARE, opt, PRECISION_SET, TIER, WORKLOAD } from './common';

export const MAXSTREAMS = defineFunction({
  name: 'MAXSTREAMS',
  description: 'The most camera streams (1 to 16) a tier runs a vision pipeline at, with every stream at or above a target FPS.',
  args: [TIER, arg('pipeline', 'string', 'Vision pipeline key or label'), arg('resolution', 'string', '720p, 1080p or 4K'), arg('target_fps', 'number', 'Frames per second each stream needs'), NPU_SHARE, MEMORY, PRECISION_SET, COMPILER_QUALITY],
  result: 'number',
  resultHelp: 'Stream count, 0 when even one stream misses the target.',
  example: { formula: '=SIZER.MAXSTREAMS("NPU Mid", "trt_fp8_1hz_clip", "1080p", 15)', answers: 'how many 15 FPS cameras NPU Mid sustains' },
  implement: ({ engine }, a) => {
    const target = a.number('target_fps');
    if (target <= 0) throw new FunctionError('num', `SIZER.MAXSTREAMS: target_fps must be above 0, got ${target}`);
    const hw = engine.hardware(a.hardware());
    let best = 0;
    // Not monotonic: batching starts at two streams, so every count is checked.
    for (let n = 1; n <= engine.catalog.files['vision.json'].maxStreams; n++) {
      const v = engine.vision(hw, { pipeline: a.text('pipeline'), resolution: a.text('resolution'), streams: n, npuShare: a.optionalNumber('npu_share'), compilerQuality: a.optionalNumber('compiler_quality') });
      if (v.fpsPerStream >= target) best = n;
    }
    return best;
  },
});

export const MINTIER = defineFunction({
  name: 'MINTIER',
  description: 'The smallest preset tier of the ladder that meets a target decode tok/s for a model, or a target FPS per stream for a pipeline.',
  args: [
    arg('metric', 'string', 'tokps (then: model, quant, workload) or fps (then: pipeline, resolution, streams)'),
    arg('target', 'number', 'Target tokens per second, or frames per second per stream'),
    arg('name', 'string', 'Model (tokps) or pipeline (fps)'),
    opt('option1', 'string', 'Quant (tokps) or resolution (fps)'),
    opt('option2', 'any', 'Workload (tokps) or streams (fps)'),
    NPU_SHARE,
  ],
  result: 'string',
  resultHelp: 'The tier display name (#N/A when no preset tier meets the target).',
  example: { formula: '=SIZER.MINTIER("tokps", 20, "skippy_finetune")', answers: 'the smallest tier with at least 20 tok/s for the MoE model' },
  implement: ({ engine }, a) => {
    const metric = a.text('metric').toLowerCase();
    const target = a.number('target');
    if (target <= 0) throw new FunctionError('num', `SIZER.MINTIER: target must be above 0, got ${target}`);
    if (metric !== 'tokps' && metric !== 'fps') throw new FunctionError('value', `SIZER.MINTIER: metric must be tokps or fps, got "${metric}"`);
    const share = a.optionalNumber('npu_share');
    for (const tier of engine.catalog.ladder) {
      const hw = engine.hardware({ tier: tier.id });
      if (metric === 'tokps') {
        const m = engine.llmModel(hw, a.text('name'), { quant: a.optionalText('option1'), workload: a.optionalText('option2'), npuShare: share });
        if (m.gate.supported && m.decodeTokS >= target) return tier.name;
      } else {
        const v = engine.vision(hw, { pipeline: a.text('name'), resolution: a.optionalText('option1'), streams: a.optionalNumber('option2'), npuShare: share });
        if (v.fpsPerStream >= target) return tier.name;
      }
    }
    throw new FunctionError('na', `SIZER.MINTIER: no preset tier reaches ${target} ${metric === 'tokps' ? 'tok/s' : 'FPS per stream'}`);
  },
});

export const REQUIREDBW = defineFunction({
  name: 'REQUIREDBW',
  description: 'Effective memory bandwidth (GB/s) a custom tier needs for a target decode tok/s, on the bandwidth-bound (cross-class) path.',
  args: [
    arg('model', 'string', 'LLM model key or label'),
    arg('quant', 'string', 'Q4_K_M, Q5_K_M or Q8_0'),
    arg('target_tokps', 'number', 'Decode tokens per second wanted'),
    WORKLOAD,
    NPU_SHARE,
    opt('silicon_class', 'string', 'Silicon class of the custom tier (its decode realization and default share); blank = unknown'),
    opt('theoretical', 'boolean', "TRUE to return theoretical bandwidth (effective / the class's bandwidth efficiency)"),
  ],
  result: 'number',
  resultHelp: 'GB/s of effective (or theoretical) memory bandwidth.',
  example: { formula: '=SIZER.REQUIREDBW("skippy_finetune", "Q4_K_M", 30)', answers: 'the effective GB/s a custom NPU needs for 30 tok/s' },
  implement: ({ engine }, a) => {
    const target = a.number('target_tokps');
    if (target <= 0) throw new FunctionError('num', `SIZER.REQUIREDBW: target_tokps must be above 0, got ${target}`);
    const siliconClass = a.optionalText('silicon_class') ?? 'unknown';
    // Decode on the cross-class path is linear in effective bandwidth, so project a 1 GB/s tier of
    // the class and scale: required = target / tok/s-per-GB/s.
    const unitTier = engine.hardware({
      custom: {
        name: 'bandwidth probe', siliconClass, peakTopsInt8: 1, peakTopsBf16: 1, peakTopsFp8: 1, peakTopsFp4: 0,
        memBandwidthGbs: 1, memCapacityGb: 1e4, memBusWidthBits: 0, memType: 'probe', memDataRateGtps: 0,
        precisionSet: null, computeEfficiency: null, bandwidthEfficiency: 1, tdpWatts: 0,
      },
    });
    const m = engine.llmModel(unitTier, a.text('model'), { quant: a.text('quant'), workload: a.optionalText('workload'), npuShare: a.optionalNumber('npu_share') });
    const quant = engine.catalog.quantByKey[m.quant];
    if (!quant || decodeCeilingTokS(engine.catalog, unitTier, quant) <= 0 || m.decodeTokS <= 0) throw new FunctionError('num', 'SIZER.REQUIREDBW: no bandwidth reaches that target');
    const effective = (target / m.decodeTokS) * effectiveBandwidthGbs(unitTier);
    if (!(a.optionalBoolean('theoretical') ?? false)) return effective;
    const efficiency = engine.catalog.siliconClassById[siliconClass]?.bandwidthEfficiency ?? 1;
    return effective / efficiency;
  },
});
