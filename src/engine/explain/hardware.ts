/**
 * The hardware's share of an explanation: the tier's help text, the memory-upgrade caption ("x vs
 * stock") and the DDR bandwidth ratio vs the reference tier (NPU Mid), plus the ratio itself, which
 * records and SIZER.HARDWARE report as a number. They depend on the hardware alone, so the engine
 * builds them once per Hardware object (hardwareNotesMemo) rather than once per projection.
 */
import type { Catalog } from '../catalog/load';
import { effectiveBandwidthGbs, type Hardware } from '../hardware/types';
import { capabilityLevel } from '../hardware/capability';
import { referenceBandwidthGbs } from '../vision/legacy';
import { fill, fixed } from './template';
import type { ExplanationPart } from './types';

/** Effective bandwidth relative to the reference tier's (NPU Mid = 1.00), as the reference's tiles show it. */
export function bandwidthRatioVsReference(catalog: Catalog, hw: Hardware): number {
  return effectiveBandwidthGbs(hw) / referenceBandwidthGbs(catalog);
}

/** The preset tier a hardware description derives from, or null (custom tiers). */
function tierHelp(catalog: Catalog, hw: Hardware): ExplanationPart | null {
  const text = hw.presetId === null ? undefined : catalog.files['explanations.json'].tiers[hw.presetId];
  return text === undefined ? null : { topic: 'tier', text };
}

function memoryUpgradePart(catalog: Catalog, hw: Hardware): ExplanationPart | null {
  if (!hw.bwProjected || hw.stockMemBandwidthGbs === null) return null;
  return {
    topic: 'memory_upgrade',
    text: fill(catalog, catalog.files['explanations.json'].memoryUpgrade, {
      type: hw.memType,
      gtps: fixed(hw.memDataRateGtps, 0),
      peakGbs: fixed(hw.memBandwidthGbs, 1),
      effectiveGbs: fixed(effectiveBandwidthGbs(hw), 1),
      ratio: fixed(hw.memBandwidthGbs / hw.stockMemBandwidthGbs, 2),
    }),
  };
}

function bandwidthRatioPart(catalog: Catalog, hw: Hardware): ExplanationPart {
  return {
    topic: 'bandwidth_ratio',
    text: fill(catalog, catalog.files['explanations.json'].bandwidthRatio, {
      ratio: fixed(bandwidthRatioVsReference(catalog, hw), 2),
      effectiveGbs: fixed(effectiveBandwidthGbs(hw), 1),
      referenceGbs: fixed(referenceBandwidthGbs(catalog), 1),
    }),
  };
}

/** Where a measured number comes from, by the hardware's name (the reference's attribution rule). */
function siliconAttribution(catalog: Catalog, hw: Hardware): string {
  const x = catalog.files['explanations.json'];
  return x.siliconAttribution.find((a) => hw.name.includes(a.match))?.text ?? x.siliconAttributionDefault;
}

function capabilityPart(catalog: Catalog, hw: Hardware, dtype: string): ExplanationPart | null {
  const x = catalog.files['explanations.json'];
  // A precision with no capability key (fp32 ViT pipelines) has no kernel-path caption, as in the reference.
  if (catalog.files['capability.json'].dtypeToCapabilityKey[dtype] === undefined) return null;
  const level = x.capabilityLevels[capabilityLevel(catalog, hw, dtype)];
  if (level === undefined) return null;
  return { topic: 'capability', text: fill(catalog, x.capability, { precision: dtype.toUpperCase(), hw: hw.name, label: level.label, description: level.description }) };
}

/** What an explanation says about one piece of hardware, whatever was projected on it. */
export interface HardwareNotes {
  /** The DDR bandwidth ratio vs NPU Mid (a record's bandwidth_ratio_vs_ref). */
  readonly bandwidthRatio: number;
  /** Where a measured number on this hardware comes from (the source sentence's {attribution}). */
  readonly attribution: string;
  /** The closing parts of every hardware-bound explanation, in order: memory upgrade, bandwidth ratio, tier. */
  readonly closing: readonly ExplanationPart[];
  /** The kernel-path caption for a precision (null: none), built on first use. */
  capability(dtype: string): ExplanationPart | null;
}

function hardwareNotes(catalog: Catalog, hw: Hardware): HardwareNotes {
  const capabilities = new Map<string, ExplanationPart | null>();
  return {
    bandwidthRatio: bandwidthRatioVsReference(catalog, hw),
    attribution: siliconAttribution(catalog, hw),
    closing: [memoryUpgradePart(catalog, hw), bandwidthRatioPart(catalog, hw), tierHelp(catalog, hw)].filter((p): p is ExplanationPart => p !== null),
    capability(dtype) {
      let part = capabilities.get(dtype);
      if (part === undefined) {
        part = capabilityPart(catalog, hw, dtype);
        capabilities.set(dtype, part);
      }
      return part;
    },
  };
}

export type HardwareNotesOf = (hw: Hardware) => HardwareNotes;

/**
 * The notes of each Hardware object, built on first use and kept as long as that object lives (hardware is
 * immutable, so they cannot go stale; a custom tier's object, built per query, takes its notes with it).
 */
export function hardwareNotesMemo(catalog: Catalog): HardwareNotesOf {
  const memo = new WeakMap<Hardware, HardwareNotes>();
  return (hw) => {
    let notes = memo.get(hw);
    if (notes === undefined) {
      notes = hardwareNotes(catalog, hw);
      memo.set(hw, notes);
    }
    return notes;
  };
}
