/**
 * The legacy bandwidth-ratio path: every pipeline carries a per-frame time projected for NPU Mid,
 * and other hardware scales it by effective bandwidth relative to Mid and by compiler quality.
 */
import type { Catalog } from '../catalog/load';
import { presetHardware } from '../hardware/preset';
import { effectiveBandwidthGbs, type Hardware } from '../hardware/types';

export function referenceBandwidthGbs(catalog: Catalog): number {
  const id = catalog.files['tiers.json'].referenceTierForLegacyScaling;
  const tier = catalog.tierById[id];
  if (!tier) throw new Error(`catalog has no reference tier ${id}`);
  return effectiveBandwidthGbs(presetHardware(catalog, tier));
}

/** ms on NPU Mid scaled to this hardware; Infinity when the hardware has no bandwidth. */
export function scaleEdgeMs(ms: number, hw: Hardware, referenceBwGbs: number, compilerQuality: number): number {
  const ratio = effectiveBandwidthGbs(hw) / referenceBwGbs;
  if (ratio <= 0) return Infinity;
  return ms / ratio / Math.max(compilerQuality, 1e-3);
}

export type CurvePoint = readonly [batchSize: number, ms: number];

/** A batch curve's points in batch-size order. */
export function sortedCurve(curve: Readonly<Record<string, number>>): readonly CurvePoint[] {
  return Object.entries(curve)
    .map(([size, ms]) => [Number(size), ms] as const)
    .sort((a, b) => a[0] - b[0]);
}

/** Linear interpolation on a batch curve (sorted points), clamped at both ends. */
export function interpolateCurve(points: readonly CurvePoint[], n: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('empty batch curve');
  if (n <= first[0]) return first[1];
  if (n >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i] as CurvePoint;
    const [x0, y0] = points[i - 1] as CurvePoint;
    if (n <= x1) return y0 + ((y1 - y0) * (n - x0)) / (x1 - x0);
  }
  return last[1];
}

/** Linear interpolation on a batch curve given as {batch size: ms}, clamped at both ends. */
export function batchCurveMs(curve: Readonly<Record<string, number>>, n: number): number {
  return interpolateCurve(sortedCurve(curve), n);
}
