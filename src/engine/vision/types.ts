import type { Resolution } from '../catalog/schemas';

/** Provenance badge of a number (see docs/decisions/0002-provenance-badges.md). */
export type Source = 'measured' | 'measured_anchor' | 'same_class_anchor' | 'cross_class' | 'projected' | 'measured_silicon_anchor';

export type VisionRegime = 'bw_bound' | 'compute_bound' | 'overhead_bound_5090_clamped' | 'overhead_bound_edge_anchor_clamped';

export interface VisionQuery {
  readonly pipeline: string;
  readonly resolution: Resolution;
  readonly streams: number;
  /** Null: the tier's default share. */
  readonly npuShare: number | null;
  /** Compiler quality relative to TensorRT (1.0 = as good); scales the legacy bandwidth-ratio path only. */
  readonly compilerQuality: number;
}

export interface VisionProjection {
  readonly pipeline: string;
  readonly resolution: Resolution;
  readonly streams: number;
  readonly npuShareUsed: number;
  /** ms per frame of one stream (for batched pipelines: ms per batch, which serves every stream once). */
  readonly perStreamMs: number;
  readonly fpsPerStream: number;
  readonly totalFps: number;
  readonly vramMb: number;
  readonly fitsInMemory: boolean;
  /** Null on the multi-stream paths, which the reference leaves unlabelled. */
  readonly source: Source | null;
  readonly regime: VisionRegime | null;
  readonly bwFloorMs: number | null;
  readonly computeFloorMs: number | null;
  /** Detector and CLIP terms of YOLO+CLIP pipelines (batch of n at n >= 2). */
  readonly yoloMs: number | null;
  readonly clipMs: number | null;
}
