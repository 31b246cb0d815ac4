import type { Catalog } from '../catalog/load';
import type { TierRecord } from '../catalog/schemas';
import { deepFreeze } from '../util/freeze';
import type { Hardware } from './types';

/** The Hardware of a preset tier, with its measured cells attached (a new object each call). */
export function presetHardware(catalog: Catalog, tier: TierRecord): Hardware {
  const measured = catalog.files['measured.json'];
  return deepFreeze({
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
    capability: catalog.files['capability.json'].tables[tier.capabilityTable] ?? null,
    precisionSet: null,
    bwProjected: false,
    stockName: null,
    stockMemBandwidthGbs: null,
    llmTierAnchors: measured.llmTierAnchors[tier.id] ?? {},
    llmCells: measured.llmCells[tier.id] ?? {},
    visionMs: measured.visionMs[tier.id] ?? {},
  });
}
