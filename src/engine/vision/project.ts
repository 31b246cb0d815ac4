/**
 * Vision projection: per-frame time, FPS and memory of a pipeline on a piece of hardware.
 *
 * One stream takes the first that applies of: a measured cell on this hardware (bandwidth-scaled on
 * a memory clone); else a roofline (max of DRAM-bandwidth floor and compute floor, plus a fixed
 * overhead) bounded below by the RTX 5090 measurement and above by measured edge tiers; else the
 * legacy bandwidth ratio to NPU Mid. Several streams batch the detector for YOLO+CLIP pipelines
 * and simply time-slice the rest. See docs/decisions/0003-vision-projection.md.
 */
import type { PipelineRecord, Resolution } from '../catalog/schemas';
import { effectiveBandwidthGbs, resolveShare, type Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import type { VisionContext } from './context';
import { interpolateCurve, scaleEdgeMs } from './legacy';
import type { Source, VisionProjection, VisionQuery, VisionRegime } from './types';

/** A cap only counts as a regime change when it moves the time by more than this factor. */
const CLAMP_SIGNIFICANCE = 1.1;

function fitsInMemory(vramMb: number, hw: Hardware): boolean {
  return vramMb < hw.memCapacityGb * 1024;
}

/** Amendment 5 for vision: measured ms on a memory clone scale inversely with the bandwidth gain. */
function anchorBandwidthScale(hw: Hardware): number {
  if (hw.bwProjected && hw.stockMemBandwidthGbs) return hw.memBandwidthGbs / hw.stockMemBandwidthGbs;
  return 1;
}

interface DetectorClipTerms {
  readonly yoloMs: number;
  readonly clipMs: number;
}

/** The YOLO and CLIP terms of a composed pipeline for a batch of n frames (legacy-scaled, no share). */
function composedTerms(ctx: VisionContext, p: PipelineRecord, hw: Hardware, res: Resolution, n: number, cq: number): DetectorClipTerms | null {
  if (!p.composed) return null;
  const vision = ctx.catalog.files['vision.json'];
  const curve = ctx.batchCurves.get(p.composed.detectorCurve) ?? [];
  const yoloMs = scaleEdgeMs(interpolateCurve(curve, n), hw, ctx.referenceBwGbs, cq) * vision.batchResolutionFactor[res];
  const clipCost = p.composed.clip === null ? 0 : (vision.clipMsNpuMid[p.composed.clip] ?? 0);
  const clipMs = clipCost === 0 ? 0 : scaleEdgeMs(clipCost * n * p.composed.clipFiresPerFrame, hw, ctx.referenceBwGbs, cq);
  return { yoloMs, clipMs };
}

function projectBatched(ctx: VisionContext, p: PipelineRecord, hw: Hardware, q: VisionQuery, share: number, legacyMs: number): VisionProjection {
  const n = q.streams;
  const terms = composedTerms(ctx, p, hw, q.resolution, n, q.compilerQuality);
  // Object literals written out in full: spreading a shared base object here cost ~10x the projection.
  if (terms) {
    // One batch serves every stream once, so a stream's frame time is the batch time.
    const batchMs = terms.yoloMs + terms.clipMs;
    const fpsPerStream = 1000 / batchMs;
    const vramMb = p.vramMb + ctx.catalog.files['vision.json'].batchedVramPerStreamMb * n;
    return {
      pipeline: p.key,
      resolution: q.resolution,
      streams: n,
      npuShareUsed: share,
      perStreamMs: batchMs,
      fpsPerStream,
      totalFps: fpsPerStream * n,
      vramMb,
      fitsInMemory: fitsInMemory(vramMb, hw),
      source: null,
      regime: null,
      bwFloorMs: null,
      computeFloorMs: null,
      yoloMs: terms.yoloMs,
      clipMs: terms.clipMs,
    };
  }
  // No batching: the streams time-slice one engine.
  return {
    pipeline: p.key,
    resolution: q.resolution,
    streams: n,
    npuShareUsed: share,
    perStreamMs: legacyMs * n,
    fpsPerStream: 1000 / legacyMs / n,
    totalFps: 1000 / legacyMs,
    vramMb: p.vramMb,
    fitsInMemory: fitsInMemory(p.vramMb, hw),
    source: null,
    regime: null,
    bwFloorMs: null,
    computeFloorMs: null,
    yoloMs: null,
    clipMs: null,
  };
}

function rooflinePeakTops(ctx: VisionContext, p: PipelineRecord, hw: Hardware): number {
  const map = ctx.catalog.files['capability.json'].visionPrecisionToPeakField;
  const field = p.precision === null ? 'int8' : (map[p.precision] ?? 'bf16');
  const peak = hw.peakTops[field];
  return peak > 0 ? peak : Math.max(hw.peakTops.int8, hw.peakTops.fp8, hw.peakTops.bf16);
}

function sameFamilyMeasured(ctx: VisionContext, hw: Hardware, pipeline: string): boolean {
  if (hw.family === null) return false;
  return ctx.ladder.some((tier) => tier.family === hw.family && tier.visionMs[pipeline] !== undefined);
}

export function projectVision(ctx: VisionContext, hw: Hardware, q: VisionQuery): VisionProjection {
  const p = ctx.catalog.pipelineByKey[q.pipeline];
  if (!p) throw new SizerError('unknown_name', `unknown pipeline "${q.pipeline}"`, 'pipeline');
  const share = resolveShare(hw, q.npuShare);
  const effBw = effectiveBandwidthGbs(hw);
  let legacyMs = scaleEdgeMs(p.edgeMsNpuMid[q.resolution], hw, ctx.referenceBwGbs, q.compilerQuality);
  if (share < 1) legacyMs /= share;

  if (q.streams >= 2) return projectBatched(ctx, p, hw, q, share, legacyMs);

  let perStreamMs = legacyMs;
  let source: Source = 'projected';
  let regime: VisionRegime | null = null;
  let bwFloorMs: number | null = null;
  let computeFloorMs: number | null = null;

  const rooflineApplies = p.gopsPerForward !== null && hw.computeUtilFactor < 1;
  if (rooflineApplies && p.gopsPerForward !== null) {
    const dramMb = p.dramPerForwardMb ?? p.vramMb;
    const bwFloor = dramMb / (effBw * share);
    const computeFloor = p.gopsPerForward / (rooflinePeakTops(ctx, p, hw) * hw.computeUtilFactor);
    bwFloorMs = bwFloor;
    computeFloorMs = computeFloor;
    perStreamMs = Math.max(bwFloor, computeFloor) + hw.computeOverheadMs;
    let gpuClamped = false;
    let edgeClamped = false;

    // Lower bound: nothing at the edge beats the GPU's measured time at the same DRAM traffic.
    const gpu = ctx.gpuReference;
    const gpuMs = gpu.visionMs[p.key]?.[q.resolution];
    if (hw.family !== gpu.family && p.dramPerForwardMb !== null && gpuMs !== undefined) {
      const overheadMs = Math.max(0, gpuMs - p.dramPerForwardMb / ctx.gpuReferenceEffectiveBwGbs);
      const cap = p.dramPerForwardMb / (effBw * share) + overheadMs;
      if (perStreamMs < cap) {
        gpuClamped = cap > CLAMP_SIGNIFICANCE * perStreamMs;
        perStreamMs = cap;
      }
    }

    // Upper bound: a bandwidth-bound pipeline is no slower than a slower measured edge tier implies.
    if (bwFloor >= computeFloor && p.dramPerForwardMb !== null) {
      const edgeOverhead = ctx.catalog.files['vision.json'].edgeOverheadMs;
      let cap = Infinity;
      for (const ref of ctx.ladder) {
        if (ref.family === gpu.family) continue;
        const refMs = ref.visionMs[p.key]?.[q.resolution];
        const refBw = effectiveBandwidthGbs(ref);
        if (refMs === undefined || !(refBw < effBw * share)) continue;
        const impliedMb = Math.min(Math.max(0, refMs - edgeOverhead) * refBw, p.dramPerForwardMb);
        cap = Math.min(cap, impliedMb / (effBw * share) + edgeOverhead);
      }
      if (perStreamMs > cap) {
        edgeClamped = perStreamMs > CLAMP_SIGNIFICANCE * cap;
        perStreamMs = cap;
      }
    }
    regime = gpuClamped
      ? 'overhead_bound_5090_clamped'
      : edgeClamped
        ? 'overhead_bound_edge_anchor_clamped'
        : bwFloor >= computeFloor
          ? 'bw_bound'
          : 'compute_bound';
    source = sameFamilyMeasured(ctx, hw, p.key) ? 'same_class_anchor' : 'cross_class';
  }

  const measuredMs = hw.visionMs[p.key]?.[q.resolution];
  if (measuredMs !== undefined) {
    const scale = anchorBandwidthScale(hw);
    const ms = measuredMs / scale;
    perStreamMs = share < 1 ? ms / share : ms;
    source = scale !== 1 ? 'same_class_anchor' : 'measured';
    regime = null;
  }

  const terms = composedTerms(ctx, p, hw, q.resolution, 1, q.compilerQuality);
  const fpsPerStream = 1000 / perStreamMs;
  return {
    pipeline: p.key,
    resolution: q.resolution,
    streams: q.streams,
    npuShareUsed: share,
    perStreamMs,
    fpsPerStream,
    totalFps: fpsPerStream,
    vramMb: p.vramMb,
    fitsInMemory: fitsInMemory(p.vramMb, hw),
    source,
    regime,
    bwFloorMs,
    computeFloorMs,
    yoloMs: terms?.yoloMs ?? null,
    clipMs: terms?.clipMs ?? null,
  };
}
