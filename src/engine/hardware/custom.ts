/**
 * Custom tiers, built from the same inputs as the reference's custom-tier factory: the silicon class
 * supplies every modelling factor the user did not give, and a precision set narrows capability and
 * zeroes the peak-TOPS fields the set does not enable.
 */
import type { Catalog } from '../catalog/load';
import type { PeakField } from '../catalog/schemas';
import { checkInput, optionalInput } from '../inputs/check';
import type { InputRanges } from '../inputs/ranges';
import { SizerError } from '../util/errors';
import { deepFreeze } from '../util/freeze';
import type { CustomTierInput, Hardware } from './types';

/**
 * Every figure against the range table (src/engine/inputs/ranges.ts): far wider than any real
 * part, the ranges keep every projection finite.
 */
function checkCustomInput(ranges: InputRanges, input: CustomTierInput): void {
  checkInput(ranges.peakTopsInt8, input.peakTopsInt8);
  checkInput(ranges.peakTopsBf16, input.peakTopsBf16);
  checkInput(ranges.peakTopsFp8, input.peakTopsFp8);
  checkInput(ranges.peakTopsFp4, input.peakTopsFp4);
  checkInput(ranges.memBandwidthGbs, input.memBandwidthGbs);
  checkInput(ranges.memCapacityGb, input.memCapacityGb);
  checkInput(ranges.memBusWidthBits, input.memBusWidthBits);
  checkInput(ranges.memDataRateGtps, input.memDataRateGtps);
  checkInput(ranges.tdpWatts, input.tdpWatts);
  optionalInput(ranges.computeEfficiency, input.computeEfficiency);
  optionalInput(ranges.bandwidthEfficiency, input.bandwidthEfficiency);
}

export function customHardware(catalog: Catalog, input: CustomTierInput): Hardware {
  checkCustomInput(catalog.inputRanges, input);
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
