/**
 * tiers.json: a tier's stated memory bandwidth is its bus width times its data rate (the same formula,
 * theoreticalBandwidthGbs, gives an upgraded tier its new bandwidth, so a stated figure that disagreed
 * would make a memory upgrade to the tier's own data rate change its speed). Bandwidths are written to
 * at most three decimals (17.064 GB/s), so half a unit in the third decimal is allowed.
 */
import { theoreticalBandwidthGbs } from '../../hardware/types';
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

/** Half a unit in the third decimal, plus room for binary floating point. */
export const BANDWIDTH_TOLERANCE_GBS = 0.0005 + 1e-9;

export function checkTierBandwidth(files: CatalogFiles): void {
  files['tiers.json'].tiers.forEach((tier, i) => {
    const { bandwidthGbs, busWidthBits, dataRateGtps } = tier.memory;
    const theoretical = theoreticalBandwidthGbs(busWidthBits, dataRateGtps);
    if (Math.abs(bandwidthGbs - theoretical) > BANDWIDTH_TOLERANCE_GBS) {
      failCatalog(
        'tiers.json',
        `tiers[${i}].memory.bandwidthGbs`,
        `${bandwidthGbs} does not match busWidthBits x dataRateGtps / 8 = ${busWidthBits} x ${dataRateGtps} / 8 = ${theoretical}`,
      );
    }
  });
}
