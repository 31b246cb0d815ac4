/**
 * Precision-set variants of NPU Mid and High (what-if: "what if this tier had only INT8 / also FP8 /
 * also FP4?"). Built as a custom tier of the tier's silicon class with the set's TOPS ladder and the
 * base's memory, then given back the base's family, LLM anchors and NPU share default. The variant
 * is not bandwidth-projected even when the base is a memory clone: its anchors are already scaled.
 */
import type { Catalog } from '../catalog/load';
import type { PrecisionSetId } from '../catalog/schemas';
import { SizerError } from '../util/errors';
import { deepFreeze } from '../util/freeze';
import { customHardware } from './custom';
import type { Hardware } from './types';

export function withPrecisionSet(catalog: Catalog, base: Hardware, set: PrecisionSetId): Hardware {
  const precision = catalog.files['precision-sets.json'];
  const ladder = precision.ladders.find((l) => l.tier === base.presetId);
  if (!ladder) {
    const names = precision.ladders.map((l) => catalog.tierById[l.tier]?.name ?? l.tier).join(', ');
    throw new SizerError('not_applicable', `precision sets apply only to ${names}, not to "${base.name}"`, 'precision_set');
  }
  const variant = customHardware(catalog, {
    name: `${base.name} · ${precision.variantSuffix[set] ?? set}`,
    siliconClass: ladder.siliconClass,
    peakTopsInt8: ladder.peakTops.int8,
    peakTopsBf16: ladder.peakTops.bf16,
    peakTopsFp8: ladder.peakTops.fp8,
    peakTopsFp4: ladder.peakTops.fp4,
    memBandwidthGbs: base.memBandwidthGbs,
    memCapacityGb: base.memCapacityGb,
    memBusWidthBits: base.memBusWidthBits,
    memType: base.memType,
    memDataRateGtps: base.memDataRateGtps,
    precisionSet: set,
    computeEfficiency: null,
    bandwidthEfficiency: null,
    tdpWatts: base.tdpWatts,
  });
  return deepFreeze({
    ...variant,
    origin: 'precision_variant',
    presetId: base.presetId,
    family: base.family,
    llmTierAnchors: base.llmTierAnchors,
    llmCells: base.llmCells,
    npuShareDefault: base.npuShareDefault,
  });
}
