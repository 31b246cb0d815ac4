/**
 * Inverse sizing, which the reference sizer cannot do: the most streams a tier sustains at a target
 * FPS, the smallest preset tier that meets a target, and the bandwidth a custom tier needs for a
 * target decode speed. Built on the forward projections, passed in so this stays free of the
 * engine facade. Targets arrive checked against the range table (above 0) by the facade.
 */
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';

/** The largest stream count in 1..maxStreams whose per-stream FPS meets the target (0 if none). */
export function maxStreamsAtTarget(maxStreams: number, targetFps: number, fpsAt: (streams: number) => number): number {
  let best = 0;
  // Not monotonic: YOLO+CLIP pipelines start batching at two streams, so every count is checked.
  for (let n = 1; n <= maxStreams; n++) if (fpsAt(n) >= targetFps) best = n;
  return best;
}

/** The first ladder tier (smallest first) whose metric meets the target, or null. */
export function firstTierMeeting<T>(tiers: readonly T[], target: number, metric: (tier: T) => number | null): T | null {
  for (const tier of tiers) {
    const value = metric(tier);
    if (value !== null && value >= target) return tier;
  }
  return null;
}

/**
 * Effective bandwidth (GB/s) for a target decode speed on the cross-class path, where decode is
 * linear in effective bandwidth: project a 1 GB/s probe tier and scale.
 */
export function requiredEffectiveBandwidth(targetTokS: number, probe: Hardware, decodeOnProbeTokS: number, probeEffectiveBwGbs: number): number {
  if (!(decodeOnProbeTokS > 0)) throw new SizerError('out_of_range', `no bandwidth reaches ${targetTokS} tok/s on ${probe.name}`, 'target_tokps');
  return (targetTokS / decodeOnProbeTokS) * probeEffectiveBwGbs;
}
