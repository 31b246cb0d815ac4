/** Hardware: a tier's figures, and custom tiers written as text so they live in cells. */
import { effectiveBandwidthGbs, formatCustomSpec, listText, listWithDefault, precisionSetIds, siliconClassIds, theoreticalBandwidthGbs } from '../../engine';
import { defineFunction } from '../registry/types';
import { arg, rangedArg, rangedOpt, FIELD_ARG, MEMORY_ARG, opt, PRECISION_SET_ARG, recordResult, TIER_ARG, onEitherBasis } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'hardware';

export const HARDWARE = defineFunction({
  name: 'HARDWARE',
  description: onEitherBasis("Returns a tier's hardware figures: memory, bandwidth, peak TOPS, efficiencies, NPU share, capability."),
  args: [TIER_ARG, FIELD_ARG('hardware'), MEMORY_ARG, PRECISION_SET_ARG],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for.',
  example: { formula: '=SIZER.HARDWARE("NPU Mid", "effective_bandwidth_gbs")', answers: '94.08 (134.4 GB/s x 0.70 efficiency)' },
  implement: ({ engine }, a) => {
    const hw = engine.hardware(a.hardware());
    return recordResult('HARDWARE', {
      name: hw.name,
      origin: hw.origin,
      mem_type: hw.memType,
      mem_bus_width_bits: hw.memBusWidthBits,
      mem_data_rate_gtps: hw.memDataRateGtps,
      mem_bandwidth_gbs: hw.memBandwidthGbs,
      effective_bandwidth_gbs: effectiveBandwidthGbs(hw),
      bandwidth_ratio_vs_ref: engine.bandwidthRatio(hw),
      mem_capacity_gb: hw.memCapacityGb,
      peak_tops_int8: hw.peakTops.int8,
      peak_tops_bf16: hw.peakTops.bf16,
      peak_tops_fp8: hw.peakTops.fp8,
      peak_tops_fp4: hw.peakTops.fp4,
      compute_efficiency: hw.computeEfficiency,
      bandwidth_efficiency: hw.bandwidthEfficiency,
      npu_share_default: hw.npuShareDefault,
      tdp_watts: hw.tdpWatts,
      family: hw.family,
      precision_set: hw.precisionSet,
      bw_projected: hw.bwProjected,
      int8: engine.capability(hw, 'int8'),
      fp8: engine.capability(hw, 'fp8'),
      bf16: engine.capability(hw, 'bf16'),
      nvfp4: engine.capability(hw, 'nvfp4'),
    }, a.optionalText('field'));
  },
});

/** The silicon class a custom tier takes when none is named (generic modelling factors). */
const UNKNOWN_CLASS = 'unknown';

export const CUSTOMTIER = defineFunction({
  name: 'CUSTOMTIER',
  description: onEitherBasis('Describes a custom NPU as text that every tier argument accepts, so the custom tier lives in a cell.'),
  args: [
    rangedArg('memBusWidthBits', 'bus_width_bits', () => 'Memory bus width (e.g. 96)'),
    arg('mem_type', 'string', 'Memory type label (e.g. LPDDR5X)'),
    rangedArg('memDataRateGtps', 'data_rate_gtps', () => 'Memory data rate (e.g. 8.533)'),
    rangedArg('memCapacityGb', 'capacity_gb', () => 'Memory capacity'),
    rangedArg('peakTopsInt8', 'tops_int8', () => 'Peak INT8 TOPS'),
    rangedOpt('peakTopsBf16', 'tops_bf16', () => 'Peak BF16/FP16 TOPS'),
    rangedOpt('peakTopsFp8', 'tops_fp8', () => 'Peak FP8 TOPS'),
    rangedOpt('peakTopsFp4', 'tops_fp4', () => 'Peak FP4 TOPS'),
    opt('silicon_class', 'string', (c) => `Silicon class for the modelling factors: ${listWithDefault(siliconClassIds(c), UNKNOWN_CLASS)}`),
    rangedOpt('bandwidthEfficiency', 'bandwidth_efficiency', () => 'Achievable share of theoretical bandwidth'),
    rangedOpt('computeEfficiency', 'compute_efficiency', () => 'Achievable share of peak TOPS'),
    rangedOpt('tdpWatts', 'tdp_watts', () => 'TDP'),
    opt('precision_set', 'string', (c) => `${listText(precisionSetIds(c))}; blank = none`),
    opt('name', 'string', 'A name for the tier; blank = "Custom NPU"'),
  ],
  result: 'string',
  resultHelp: 'The custom tier as text ("custom: name=...; class=...; ...").',
  example: { formula: '=SIZER.CUSTOMTIER(96, "LPDDR5X", 8.533, 16, 100, 50)', answers: 'custom: name=Custom NPU; class=unknown; int8=100; bf16=50; ...' },
  implement: ({ engine }, a) => {
    const bus = a.number('bus_width_bits');
    const rate = a.number('data_rate_gtps');
    const set = a.optionalText('precision_set');
    const input = {
      name: a.optionalText('name') ?? 'Custom NPU',
      siliconClass: a.optionalText('silicon_class') ?? UNKNOWN_CLASS,
      peakTopsInt8: a.number('tops_int8'),
      peakTopsBf16: a.optionalNumber('tops_bf16') ?? 0,
      peakTopsFp8: a.optionalNumber('tops_fp8') ?? 0,
      peakTopsFp4: a.optionalNumber('tops_fp4') ?? 0,
      memBandwidthGbs: theoreticalBandwidthGbs(bus, rate),
      memCapacityGb: a.number('capacity_gb'),
      memBusWidthBits: bus,
      memType: a.text('mem_type'),
      memDataRateGtps: rate,
      precisionSet: set === null ? null : engine.names.precisionSets.resolve(set, 'precision_set'),
      computeEfficiency: a.optionalNumber('compute_efficiency'),
      bandwidthEfficiency: a.optionalNumber('bandwidth_efficiency'),
      tdpWatts: a.optionalNumber('tdp_watts') ?? 0,
    };
    const text = formatCustomSpec(input);
    // Build it once so a bad tier fails here, where it was described, not in every formula using it.
    engine.hardware({ tier: text });
    return text;
  },
});
