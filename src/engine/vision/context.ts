import type { Catalog } from '../catalog/load';
import { presetHardware } from '../hardware/preset';
import { effectiveBandwidthGbs, type Hardware } from '../hardware/types';
import { measuredDram, type MeasuredDram } from '../platform/measured-dram';
import { referenceBandwidthGbs, sortedCurve, type CurvePoint } from './legacy';

/**
 * What the vision projection needs besides the hardware under study: the stock ladder tiers (their
 * measured cells cap and label projections) and the bandwidth reference tiers. Built once per engine.
 */
export interface VisionContext {
  readonly catalog: Catalog;
  readonly referenceBwGbs: number;
  readonly ladder: readonly Hardware[];
  /** The measured GPU whose per-frame times bound edge projections from below. */
  readonly gpuReference: Hardware;
  readonly gpuReferenceEffectiveBwGbs: number;
  /** Batch curves as sorted (batch size, ms) points, sorted once instead of on every projection. */
  readonly batchCurves: ReadonlyMap<string, readonly CurvePoint[]>;
  /** Measured DRAM bytes per frame of each pipeline (null: a component was not measured). */
  readonly measuredDram: ReadonlyMap<string, MeasuredDram | null>;
}

export function makeVisionContext(catalog: Catalog): VisionContext {
  const gpuId = catalog.files['tiers.json'].bandwidthReferenceTier;
  const gpuTier = catalog.tierById[gpuId];
  if (!gpuTier) throw new Error(`catalog has no bandwidth reference tier ${gpuId}`);
  const gpuReference = presetHardware(catalog, gpuTier);
  return Object.freeze({
    catalog,
    referenceBwGbs: referenceBandwidthGbs(catalog),
    ladder: Object.freeze(catalog.ladder.map((t) => presetHardware(catalog, t))),
    gpuReference,
    gpuReferenceEffectiveBwGbs: effectiveBandwidthGbs(gpuReference) * gpuReference.npuShareDefault,
    batchCurves: new Map(Object.entries(catalog.files['vision.json'].batchCurvesMsNpuMid).map(([name, curve]) => [name, sortedCurve(curve)])),
    measuredDram: new Map(catalog.pipelines.map((p) => [p.key, measuredDram(catalog, p)])),
  });
}
