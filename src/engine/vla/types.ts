import type { VlaArchitecture } from '../catalog/schemas-vla';

export type { VlaArchitecture } from '../catalog/schemas-vla';

/** How the cameras reach the model: one image per camera, or all cameras tiled into one image. */
export const VLA_CAMERA_MODES = ['native', 'stitched'] as const;
export type VlaCameraMode = (typeof VLA_CAMERA_MODES)[number];

/** What is being run: one robot or several (a fleet time-sharing the chip), with one or several cameras. */
export type VlaMode = 'single' | 'multi_camera' | 'fleet' | 'fleet_multi_camera';

/**
 * Provenance of a VLA number: `measured` on the RTX 5090 itself, `calibrated` when 5090 measurements
 * are scaled to other hardware, `cross_class` when nothing measured backs the configuration (a
 * roofline, or a camera count other than the one measured).
 */
export type VlaSource = 'measured' | 'calibrated' | 'cross_class';

export type VlaRegime =
  | 'single_loop_measured'
  | 'single_loop_calibrated_latency_scaled'
  | 'single_loop_cross_class_roofline'
  | 'dual_loop_measured'
  | 'dual_loop_calibrated_vlm_decomposed_expert'
  | 'oft_parallel_chunk_measured'
  | 'oft_parallel_chunk_calibrated_latency_scaled';

/** How the denoise step was obtained: the 5090 measurement, or split into launch overhead plus a bandwidth term. */
export type DenoiseProjection = 'measured' | 'eager_launch_plus_bw_decomp';

/** One VLA question, with names already resolved (see args.ts for the user-facing form). */
export interface VlaQuery {
  /** Model key in data/vla.json. */
  readonly vla: string;
  /** Execution dtype; null: from the model's default dtype path. */
  readonly dtype: string | null;
  /** Action tokens decoded per action (single loop only); null: the model's own. */
  readonly nActionTokens: number | null;
  /** Null: the camera count the model was measured with. 0 is answered with runs: false, as in the reference. */
  readonly cameras: number | null;
  /** Robots sharing the chip. 0 is answered with runs: false, as in the reference. */
  readonly fleetSize: number;
  /** Not checked against the known modes up front: an unknown mode is a runs: false answer, as in the reference. */
  readonly cameraMode: string;
  /** Null: the hardware's default share. */
  readonly npuShare: number | null;
}

/**
 * The answer to a VlaQuery. The setup fields are always set; the timing fields are null where the
 * architecture has no such stage or the configuration did not run. A configuration that fails the
 * fleet memory check keeps its timings (runs is false, numbers stay), as in the reference.
 */
export interface VlaProjection {
  readonly vla: string;
  readonly hardware: string;
  readonly dtype: string;
  readonly architecture: VlaArchitecture;
  /** The action tokens used: the query's or the model's for a single loop, the chunk length otherwise. */
  readonly nActionTokens: number;
  readonly npuShare: number;
  readonly nCameras: number;
  readonly fleetSize: number;
  readonly cameraMode: string;
  readonly mode: VlaMode;

  /** Null when the projection is deferred (no verdict either way). */
  readonly runs: boolean | null;
  /** True for a model with no measurements to calibrate from. */
  readonly deferred: boolean;
  /** Why it does not run, or why it is deferred. */
  readonly reason: string | null;
  readonly vlaSource: VlaSource | null;
  /** Why a measured or calibrated number was demoted to cross_class. */
  readonly vlaSourceReason: string | null;
  readonly regime: VlaRegime | null;
  readonly stitchedQualityCaveat: string | null;

  readonly visionMs: number | null;
  readonly llmPrefillMs: number | null;
  /** Single loop: vision + prefill. OFT: the whole parallel forward. */
  readonly vlmForwardMs: number | null;
  readonly decodeMsPerToken: number | null;
  readonly llmForwardMs: number | null;
  readonly forwardMs: number | null;
  readonly actionChunkLength: number | null;
  /** Per action as one fleet member sees it (per-instance time x fleet size). */
  readonly msPerAction: number | null;
  readonly actionHz: number | null;
  readonly dramGb: number | null;
  readonly fitsInMemory: boolean | null;

  readonly visionMsPerCamera: number | null;
  readonly totalVisionMs: number | null;
  readonly perInstanceMsPerAction: number | null;
  readonly perInstanceActionHz: number | null;
  /** Actions per second across the fleet (the chip's rate: the fleet shares it). */
  readonly aggregateActionHz: number | null;
  readonly fleetMemoryGb: number | null;

  readonly vlmDtype: string | null;
  readonly expertDtype: string | null;
  readonly vlmBackboneMs: number | null;
  readonly numDenoiseSteps: number | null;
  readonly denoiseStepMs: number | null;
  readonly denoiseLoopMs: number | null;
  readonly denoiseBottleneck: string | null;
  readonly denoiseProjection: DenoiseProjection | null;
  readonly chunkLatencyMs: number | null;
  readonly fastLoopOnlyHz: number | null;
  readonly denoiseStepMsOptimizedFloor: number | null;
  readonly msPerActionOptimizedFloor: number | null;
  readonly actionHzOptimizedFloor: number | null;
  readonly fastLoopOnlyHzOptimizedFloor: number | null;
}
