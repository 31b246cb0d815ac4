/**
 * Custom tiers, built from the same inputs as the reference's custom-tier factory: the silicon class
 * supplies every modelling factor the user did not give, and a precision set narrows capability and
 * zeroes the peak-TOPS fields the set does not enable.
 */
import type { Catalog } from '../catalog/load';
import type { PeakField } from '../catalog/schemas';
import { SizerError } from '../util/errors';
import { deepFreeze } from '../util/freeze';
import type { CustomTierInput, Hardware } from './types';

/**
 * Plausible ranges for a custom tier's figures. Far wider than any real part, they keep every
 * projection finite: a bandwidth of 1e-300 GB/s or 1e308 TOPS would overflow to 0 or infinity.
 */
const RANGES = {
  peakTops: { min: 0.001, max: 1_000_000, label: 'peak TOPS' },
  memBandwidthGbs: { min: 0.001, max: 1_000_000, label: 'memory bandwidth (GB/s)' },
  memCapacityGb: { min: 0.001, max: 100_000, label: 'memory capacity (GB)' },
  memBusWidthBits: { min: 0, max: 65_536, label: 'bus width (bits)' },
  memDataRateGtps: { min: 0, max: 1_000, label: 'data rate (GT/s)' },
  efficiency: { min: 0.01, max: 1, label: 'efficiency' },
  tdpWatts: { min: 0, max: 100_000, label: 'TDP (W)' },
} as const;

function checkFigure(value: number, field: string, range: { min: number; max: number; label: string }, zeroAllowed = false): void {
  const ok = Number.isFinite(value) && ((zeroAllowed && value === 0) || (value >= range.min && value <= range.max));
  if (!ok) {
    throw new SizerError('out_of_range', `custom tier ${field} (${range.label}) must be ${zeroAllowed ? `0 or ` : ''}between ${range.min} and ${range.max}, got ${value}`, field);
  }
}

function checkCustomInput(input: CustomTierInput): void {
  checkFigure(input.peakTopsInt8, 'peak_tops_int8', RANGES.peakTops, true);
  checkFigure(input.peakTopsBf16, 'peak_tops_bf16', RANGES.peakTops, true);
  checkFigure(input.peakTopsFp8, 'peak_tops_fp8', RANGES.peakTops, true);
  checkFigure(input.peakTopsFp4, 'peak_tops_fp4', RANGES.peakTops, true);
  checkFigure(input.memBandwidthGbs, 'mem_bandwidth_gbs', RANGES.memBandwidthGbs);
  checkFigure(input.memCapacityGb, 'mem_capacity_gb', RANGES.memCapacityGb);
  checkFigure(input.memBusWidthBits, 'mem_bus_width_bits', RANGES.memBusWidthBits);
  checkFigure(input.memDataRateGtps, 'mem_data_rate_gtps', RANGES.memDataRateGtps);
  checkFigure(input.tdpWatts, 'tdp_watts', RANGES.tdpWatts);
  if (input.computeEfficiency !== null) checkFigure(input.computeEfficiency, 'compute_efficiency', RANGES.efficiency);
  if (input.bandwidthEfficiency !== null) checkFigure(input.bandwidthEfficiency, 'bandwidth_efficiency', RANGES.efficiency);
}

export function customHardware(catalog: Catalog, input: CustomTierInput): Hardware {
  checkCustomInput(input);
  const siliconClass = catalog.siliconClassById[input.siliconClass];
  if (!siliconClass) {
    const valid = Object.keys(catalog.siliconClassById).join(', ');
    throw new SizerError('unknown_name', `unknown silicon class "${input.siliconClass}"; valid: ${valid}`, 'silicon_class');
  }
  const capabilityFile = catalog.files['capability.json'];
  const peakTops: Record<PeakField, number> = {
    bf16: input.peakTopsBf16,
    int8: input.peakTopsInt8,
    fp8: input.peakTopsFp8,
    fp4: input.peakTopsFp4,
  };
  let capabilityTableId = siliconClass.capabilityTable;
  if (input.precisionSet !== null) {
    const set = catalog.files['precision-sets.json'].sets.find((s) => s.id === input.precisionSet);
    if (!set) throw new SizerError('unknown_name', `unknown precision set "${input.precisionSet}"`, 'precision_set');
    capabilityTableId = set.capabilityTable;
    for (const field of set.zeroes) peakTops[field] = 0;
  }
  if (peakTops.int8 <= 0 && peakTops.bf16 <= 0 && peakTops.fp8 <= 0) {
    // Every projection divides by some peak; a tier with none would only ever yield zero or infinity.
    throw new SizerError(
      'out_of_range',
      `custom tier "${input.name}" has no INT8, BF16 or FP8 compute${input.precisionSet ? ` left under precision set ${input.precisionSet}` : ''}; give at least one peak TOPS above 0`,
      'peak_tops_int8',
    );
  }
  return deepFreeze({
    name: input.name,
    origin: 'custom',
    presetId: null,
    peakTops,
    memBandwidthGbs: input.memBandwidthGbs,
    memCapacityGb: input.memCapacityGb,
    memBusWidthBits: input.memBusWidthBits,
    memType: input.memType,
    memDataRateGtps: input.memDataRateGtps,
    computeEfficiency: input.computeEfficiency ?? siliconClass.computeEfficiency,
    bandwidthEfficiency: input.bandwidthEfficiency ?? siliconClass.bandwidthEfficiency,
    tdpWatts: input.tdpWatts,
    family: siliconClass.family,
    computeUtilFactor: siliconClass.computeUtilFactor,
    llmPrefillUtilFactor: siliconClass.llmPrefillUtilFactor,
    llmDecodeBwRealization: siliconClass.llmDecodeBwRealization,
    computeOverheadMs: siliconClass.computeOverheadMs,
    npuShareDefault: siliconClass.npuShareDefault,
    capability: capabilityTableId === null ? null : (capabilityFile.tables[capabilityTableId] ?? null),
    precisionSet: input.precisionSet,
    bwProjected: false,
    stockName: null,
    stockMemBandwidthGbs: null,
    llmTierAnchors: {},
    llmCells: {},
    visionMs: {},
  });
}
