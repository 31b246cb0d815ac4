/**
 * The hardware's share of an explanation: the tier's help text, the memory-upgrade caption ("x vs
 * stock") and the DDR bandwidth ratio vs the reference tier (NPU Mid), plus the ratio itself, which
 * records and SIZER.HARDWARE report as a number.
 */
import type { Catalog } from '../catalog/load';
import { effectiveBandwidthGbs, type Hardware } from '../hardware/types';
import { referenceBandwidthGbs } from '../vision/legacy';
import { fill, fixed } from './template';
import type { ExplanationPart } from './types';

/** Effective bandwidth relative to the reference tier's (NPU Mid = 1.00), as the reference's tiles show it. */
export function bandwidthRatioVsReference(catalog: Catalog, hw: Hardware): number {
  return effectiveBandwidthGbs(hw) / referenceBandwidthGbs(catalog);
}

/** The preset tier a hardware description derives from, or null (custom tiers). */
export function tierHelp(catalog: Catalog, hw: Hardware): ExplanationPart | null {
  const text = hw.presetId === null ? undefined : catalog.files['explanations.json'].tiers[hw.presetId];
  return text === undefined ? null : { topic: 'tier', text };
}

export function memoryUpgradePart(catalog: Catalog, hw: Hardware): ExplanationPart | null {
  if (!hw.bwProjected || hw.stockMemBandwidthGbs === null) return null;
  return {
    topic: 'memory_upgrade',
    text: fill(catalog.files['explanations.json'].memoryUpgrade, {
      type: hw.memType,
      gtps: fixed(hw.memDataRateGtps, 0),
      peakGbs: fixed(hw.memBandwidthGbs, 1),
      effectiveGbs: fixed(effectiveBandwidthGbs(hw), 1),
      ratio: fixed(hw.memBandwidthGbs / hw.stockMemBandwidthGbs, 2),
    }),
  };
}

export function bandwidthRatioPart(catalog: Catalog, hw: Hardware): ExplanationPart {
  return {
    topic: 'bandwidth_ratio',
    text: fill(catalog.files['explanations.json'].bandwidthRatio, {
      ratio: fixed(bandwidthRatioVsReference(catalog, hw), 2),
      effectiveGbs: fixed(effectiveBandwidthGbs(hw), 1),
      referenceGbs: fixed(referenceBandwidthGbs(catalog), 1),
    }),
  };
}

/** Where a measured number comes from, by the hardware's name (the reference's attribution rule). */
export function siliconAttribution(catalog: Catalog, hw: Hardware): string {
  const x = catalog.files['explanations.json'];
  return x.siliconAttribution.find((a) => hw.name.includes(a.match))?.text ?? x.siliconAttributionDefault;
}
