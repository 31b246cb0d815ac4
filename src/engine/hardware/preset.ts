import type { Catalog } from '../catalog/load';
import type { CatalogFiles, TierRecord } from '../catalog/schemas';
import type { Hardware } from './types';

/**
 * The Hardware of a preset tier, with its measured cells attached. Built once per tier when the catalog
 * is assembled (catalog/load.ts) and frozen with it, so every caller shares the same object: a projection
 * asks for the reference tiers on every call, and rebuilding and freezing them cost more than projecting.
 */
export function buildPresetHardware(files: CatalogFiles, tier: TierRecord): Hardware {
  const measured = files['measured.json'];
  return {
    name: tier.name,
    origin: 'preset',
    presetId: tier.id,
    peakTops: { ...tier.peakTops },
    memBandwidthGbs: tier.memory.bandwidthGbs,
    memCapacityGb: tier.memory.capacityGb,
    memBusWidthBits: tier.memory.busWidthBits,
    memType: tier.memory.type,
    memDataRateGtps: tier.memory.dataRateGtps,
    computeEfficiency: tier.computeEfficiency,
    bandwidthEfficiency: tier.bandwidthEfficiency,
    tdpWatts: tier.tdpWatts,
    family: tier.family,
    computeUtilFactor: tier.computeUtilFactor,
    llmPrefillUtilFactor: tier.llmPrefillUtilFactor,
    llmDecodeBwRealization: tier.llmDecodeBwRealization,
    computeOverheadMs: tier.computeOverheadMs,
    npuShareDefault: tier.npuShareDefault,
    capability: files['capability.json'].tables[tier.capabilityTable] ?? null,
    precisionSet: null,
    bwProjected: false,
    stockName: null,
    stockMemBandwidthGbs: null,
    llmTierAnchors: measured.llmTierAnchors[tier.id] ?? {},
    llmCells: measured.llmCells[tier.id] ?? {},
    visionMs: measured.visionMs[tier.id] ?? {},
  };
}

/** The Hardware of a preset tier of this catalog (the same frozen object every call; a memory upgrade or precision variant is a new one). */
export function presetHardware(catalog: Catalog, tier: TierRecord): Hardware {
  const hw = catalog.presetHardwareById[tier.id];
  if (hw === undefined) throw new Error(`catalog has no preset hardware for tier ${tier.id}`);
  return hw;
}
