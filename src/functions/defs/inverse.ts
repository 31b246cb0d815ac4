/** Inverse sizing, which the reference sizer cannot do: what it takes to meet a target. */
import { listText, quantKeys, resolutionNames } from '../../engine';
import { defineFunction, FunctionError } from '../registry/types';
import { BASIS_ARGS, basisArgs } from './calibration';
import { arg, rangedArg, COMPILER_QUALITY_ARG, MEMORY_ARG, NPU_SHARE_ARG, opt, PRECISION_SET_ARG, TIER_ARG, WORKLOAD_ARG, onEitherBasis } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'inverse';

export const MAXSTREAMS = defineFunction({
  name: 'MAXSTREAMS',
  description: onEitherBasis('The most camera streams (1 to 16) a tier runs a vision pipeline at, with every stream at or above a target FPS.'),
  args: [TIER_ARG, arg('pipeline', 'string', 'Vision pipeline key or label'), arg('resolution', 'string', (c) => listText(resolutionNames(c))), rangedArg('targetFps', 'target_fps', () => 'Frames per second each stream needs'), NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, COMPILER_QUALITY_ARG],
  result: 'number',
  resultHelp: 'Stream count, 0 when even one stream misses the target.',
  example: { formula: '=SIZER.MAXSTREAMS("NPU Mid", "trt_fp8_1hz_clip", "1080p", 15)', answers: 'how many 15 FPS cameras NPU Mid sustains' },
  implement: ({ engine }, a) =>
    engine.maxStreams(engine.hardware(a.hardware()), {
      pipeline: a.text('pipeline'),
      resolution: a.text('resolution'),
      targetFps: a.number('target_fps'),
      npuShare: a.optionalNumber('npu_share'),
      compilerQuality: a.optionalNumber('compiler_quality'),
    }),
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
    NPU_SHARE_ARG,
    ...BASIS_ARGS,
  ],
  result: 'string',
  resultHelp: "The tier display name (#N/A when no preset tier meets the target). With tokps each tier's decode is on the basis; fps is the same on either basis.",
  example: { formula: '=SIZER.MINTIER("tokps", 20, "skippy_finetune")', answers: 'the smallest tier with at least 20 tok/s for the MoE model' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const metric = a.text('metric').toLowerCase();
    const onBasis = basisArgs(ctx, a);
    const target = a.number('target');
    const npuShare = a.optionalNumber('npu_share');
    let tier;
    if (metric === 'tokps') {
      tier = engine.minTierForTokps(a.text('name'), target, { quant: a.optionalText('option1'), workload: a.optionalText('option2'), npuShare, ...onBasis });
    } else if (metric === 'fps') {
      tier = engine.minTierForFps(target, { pipeline: a.text('name'), resolution: a.optionalText('option1'), streams: a.optionalNumber('option2'), npuShare });
    } else {
      throw new FunctionError('value', `SIZER.MINTIER: metric must be tokps or fps, got "${metric}"`);
    }
    if (tier === null) throw new FunctionError('na', `SIZER.MINTIER: no preset tier reaches ${target} ${metric === 'tokps' ? 'tok/s' : 'FPS per stream'}`);
    return tier.name;
  },
});

/**
 * Why SIZER.REQUIREDBW has no basis argument: it inverts the reference's decode, which is linear in
 * bandwidth; the calibrated decode adds a per-token overhead and a KV read, so its inverse is no
 * longer one division (docs/decisions/0033-functions-on-a-basis.md).
 */
const REFERENCE_ONLY_INVERSE =
  'Reference basis only: the calibrated decode adds a per-token overhead, so it has no simple inverse; check a candidate with SIZER.TOKPS on a SIZER.CUSTOMTIER with basis "calibrated".';

export const REQUIREDBW = defineFunction({
  name: 'REQUIREDBW',
  description: `Effective memory bandwidth (GB/s) a custom tier needs for a target decode tok/s, on the bandwidth-bound (cross-class) path. ${REFERENCE_ONLY_INVERSE}`,
  args: [
    arg('model', 'string', 'LLM model key or label'),
    arg('quant', 'string', (c) => listText(quantKeys(c))),
    rangedArg('targetTokps', 'target_tokps', () => 'Decode tokens per second wanted'),
    WORKLOAD_ARG,
    NPU_SHARE_ARG,
    opt('silicon_class', 'string', 'Silicon class of the custom tier (its decode realization and default share); blank = unknown'),
    opt('theoretical', 'boolean', "TRUE to return theoretical bandwidth (effective / the class's bandwidth efficiency)"),
  ],
  result: 'number',
  resultHelp: 'GB/s of effective (or theoretical) memory bandwidth.',
  example: { formula: '=SIZER.REQUIREDBW("skippy_finetune", "Q4_K_M", 30)', answers: 'the effective GB/s a custom NPU needs for 30 tok/s' },
  implement: ({ engine }, a) => {
    const siliconClass = a.optionalText('silicon_class') ?? 'unknown';
    const required = engine.requiredBandwidth(a.text('model'), a.number('target_tokps'), siliconClass, {
      quant: a.text('quant'),
      workload: a.optionalText('workload'),
      npuShare: a.optionalNumber('npu_share'),
    });
    return (a.optionalBoolean('theoretical') ?? false) ? required.theoreticalGbs : required.effectiveGbs;
  },
});
