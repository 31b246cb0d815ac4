/**
 * Memory-upgrade clones: same bus, new memory type and data rate. The clone's bandwidth is a
 * projection, so it is flagged bw_projected, keeps the stock name and bandwidth for provenance
 * (even across repeated upgrades), and its decode anchors scale with the bandwidth ratio
 * (Amendment 5) while prefill anchors stay at stock (prefill is compute-bound).
 */
import type { MemoryUpgradeRecord } from '../catalog/schemas';
import { SizerError } from '../util/errors';
import { deepFreeze } from '../util/freeze';
import { type Hardware, theoreticalBandwidthGbs } from './types';

/** Python's str(float) for the data rate in the clone's name ("14.0", "11.2"). */
function rateText(rate: number): string {
  return Number.isInteger(rate) ? `${rate}.0` : String(rate);
}

/**
 * How the clone is named: 'engine' as the reference engine's hw_with_memory names it ("NPU Mid
 * (LPDDR6 @ 14.0 GT/s)"), 'tool' as the reference tool's UI does ("NPU Mid (LPDDR6-14)": the type and
 * the data rate with no decimals).
 */
export type MemoryCloneNaming = 'engine' | 'tool';

function cloneName(hw: Hardware, upgrade: MemoryUpgradeRecord, naming: MemoryCloneNaming): string {
  return naming === 'tool' ? `${hw.name} (${upgrade.type}-${upgrade.dataRateGtps.toFixed(0)})` : `${hw.name} (${upgrade.type} @ ${rateText(upgrade.dataRateGtps)} GT/s)`;
}

export function withMemoryUpgrade(hw: Hardware, upgrade: MemoryUpgradeRecord, naming: MemoryCloneNaming = 'engine'): Hardware {
  if (!(hw.memBusWidthBits > 0)) {
    // The upgrade keeps the bus and changes the data rate; without a bus width there is no new bandwidth.
    throw new SizerError('not_applicable', `a memory upgrade needs the tier's bus width; "${hw.name}" has none (give the custom tier its bus width)`, 'memory');
  }
  const newBandwidth = theoreticalBandwidthGbs(hw.memBusWidthBits, upgrade.dataRateGtps);
  const ratio = newBandwidth / hw.memBandwidthGbs;
  const llmTierAnchors = Object.fromEntries(
    Object.entries(hw.llmTierAnchors).map(([model, cell]) => [model, { decodeTokS: cell.decodeTokS * ratio, prefillTokS: cell.prefillTokS }]),
  );
  return deepFreeze({
    ...hw,
    name: cloneName(hw, upgrade, naming),
    origin: 'memory_upgrade',
    memBandwidthGbs: newBandwidth,
    memType: upgrade.type,
    memDataRateGtps: upgrade.dataRateGtps,
    bwProjected: true,
    stockName: hw.stockName ?? hw.name,
    stockMemBandwidthGbs: hw.stockMemBandwidthGbs ?? hw.memBandwidthGbs,
    llmTierAnchors,
  });
}
