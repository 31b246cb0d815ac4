import type { CapabilityKey, CapabilityLevel, LlmCell, PeakField, PrecisionSetId, Resolution } from '../catalog/schemas';

export type PeakTops = Readonly<Record<PeakField, number>>;
export type CapabilityTable = Readonly<Partial<Record<CapabilityKey, CapabilityLevel>>>;

/** How a hardware description came to be; drives provenance badges and captions. */
export type HardwareOrigin = 'preset' | 'custom' | 'memory_upgrade' | 'precision_variant';

/**
 * Everything the projections read about one piece of hardware. Immutable: a memory upgrade or a
 * precision variant is a new Hardware, never an edit of the preset.
 */
export interface Hardware {
  readonly name: string;
  readonly origin: HardwareOrigin;
  /** The preset tier this derives from (a memory clone of Mid is still "mid"); null for custom tiers. */
  readonly presetId: string | null;
  readonly peakTops: PeakTops;
  readonly memBandwidthGbs: number;
  readonly memCapacityGb: number;
  readonly memBusWidthBits: number;
  readonly memType: string;
  readonly memDataRateGtps: number;
  readonly computeEfficiency: number;
  readonly bandwidthEfficiency: number;
  readonly tdpWatts: number;
  readonly family: string | null;
  readonly computeUtilFactor: number;
  readonly llmPrefillUtilFactor: number;
  readonly llmDecodeBwRealization: number;
  readonly computeOverheadMs: number;
  readonly npuShareDefault: number;
  /** Null: no table, capability falls back to "is there peak compute for this dtype". */
  readonly capability: CapabilityTable | null;
  readonly precisionSet: PrecisionSetId | null;
  /** True on a memory-upgrade clone: its bandwidth is projected, not measured. */
  readonly bwProjected: boolean;
  readonly stockName: string | null;
  readonly stockMemBandwidthGbs: number | null;
  /** Per-tier LLM anchors by model key (decode scaled with bandwidth on memory clones, prefill not). */
  readonly llmTierAnchors: Readonly<Record<string, LlmCell>>;
  /** Per-model, per-quant measured LLM cells. */
  readonly llmCells: Readonly<Record<string, Readonly<Record<string, LlmCell>>>>;
  /** Measured vision ms per inference at full share, by pipeline and resolution. */
  readonly visionMs: Readonly<Record<string, Readonly<Partial<Record<Resolution, number>>>>>;
}

/** The inputs of a custom tier, as the reference's custom-tier factory takes them. */
export interface CustomTierInput {
  readonly name: string;
  readonly siliconClass: string;
  readonly peakTopsInt8: number;
  readonly peakTopsBf16: number;
  readonly peakTopsFp8: number;
  readonly peakTopsFp4: number;
  readonly memBandwidthGbs: number;
  readonly memCapacityGb: number;
  readonly memBusWidthBits: number;
  readonly memType: string;
  readonly memDataRateGtps: number;
  readonly precisionSet: PrecisionSetId | null;
  /** Null takes the silicon class default. */
  readonly computeEfficiency: number | null;
  readonly bandwidthEfficiency: number | null;
  readonly tdpWatts: number;
}

/** Theoretical memory bandwidth in GB/s: bus width in bits x transfers per second (GT/s) / 8 bits per byte. */
export function theoreticalBandwidthGbs(busWidthBits: number, dataRateGtps: number): number {
  return (busWidthBits * dataRateGtps) / 8;
}

export function effectiveBandwidthGbs(hw: Hardware): number {
  return hw.memBandwidthGbs * hw.bandwidthEfficiency;
}

/** The NPU share a projection runs at: the caller's, else the tier default, floored away from zero. */
export function resolveShare(hw: Hardware, npuShare: number | null | undefined): number {
  return Math.max(npuShare ?? hw.npuShareDefault, 1e-6);
}
