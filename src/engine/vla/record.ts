/**
 * A VLA projection as a flat snake_case record: the reference's result fields plus SIZER's own
 * prose and whether each is present. Shared by the CLI and the worksheet functions.
 */
import { type RecordNotes, withNotes } from '../explain/types';
import type { VlaOperatingPoint } from './operating-point';
import type { VlaProjection } from './types';

/** What vlaRecord adds to the projection: engine.vlaDetail's operating point and explanation (or the operating point alone), and the bandwidth ratio. */
export interface VlaRecordDetail extends RecordNotes {
  readonly operatingPoint: VlaOperatingPoint;
}

/**
 * With the detail (engine.vlaDetail) and the bandwidth ratio: also the operating point the
 * reference's UI shows (rates, what-if badge, camera FPS, DDR demand, target check) and how the
 * numbers were derived.
 */
export function vlaRecord(p: VlaProjection, detail?: VlaRecordDetail): Record<string, unknown> {
  return {
    vla: p.vla,
    hardware: p.hardware,
    dtype: p.dtype,
    architecture: p.architecture,
    n_action_tokens: p.nActionTokens,
    npu_share: p.npuShare,
    n_cameras: p.nCameras,
    fleet_size: p.fleetSize,
    camera_mode: p.cameraMode,
    mode: p.mode,
    runs: p.runs,
    // The reference has no deferred key unless it defers; null says the same in a fixed-shape line.
    deferred: p.deferred ? true : null,
    vla_source: p.vlaSource,
    regime: p.regime,
    vision_ms: p.visionMs,
    llm_prefill_ms: p.llmPrefillMs,
    vlm_forward_ms: p.vlmForwardMs,
    decode_ms_per_token: p.decodeMsPerToken,
    llm_forward_ms: p.llmForwardMs,
    forward_ms: p.forwardMs,
    action_chunk_length: p.actionChunkLength,
    ms_per_action: p.msPerAction,
    action_hz: p.actionHz,
    dram_gb: p.dramGb,
    fits_in_memory: p.fitsInMemory,
    vision_ms_per_camera: p.visionMsPerCamera,
    total_vision_ms: p.totalVisionMs,
    per_instance_ms_per_action: p.perInstanceMsPerAction,
    per_instance_action_hz: p.perInstanceActionHz,
    aggregate_action_hz: p.aggregateActionHz,
    fleet_memory_gb: p.fleetMemoryGb,
    vlm_dtype: p.vlmDtype,
    expert_dtype: p.expertDtype,
    vlm_backbone_ms: p.vlmBackboneMs,
    num_denoise_steps: p.numDenoiseSteps,
    denoise_step_ms: p.denoiseStepMs,
    denoise_loop_ms: p.denoiseLoopMs,
    denoise_bottleneck: p.denoiseBottleneck,
    denoise_projection: p.denoiseProjection,
    chunk_latency_ms: p.chunkLatencyMs,
    fast_loop_only_hz: p.fastLoopOnlyHz,
    denoise_step_ms_optimized_floor: p.denoiseStepMsOptimizedFloor,
    ms_per_action_optimized_floor: p.msPerActionOptimizedFloor,
    action_hz_optimized_floor: p.actionHzOptimizedFloor,
    fast_loop_only_hz_optimized_floor: p.fastLoopOnlyHzOptimizedFloor,
    reason: p.reason,
    stitched_quality_caveat: p.stitchedQualityCaveat,
    vla_source_reason: p.vlaSourceReason,
    has_reason: p.reason !== null,
    has_stitched_quality_caveat: p.stitchedQualityCaveat !== null,
    has_vla_source_reason: p.vlaSourceReason !== null,
    ...(detail === undefined ? {} : operatingPointFields(detail)),
  };
}

function operatingPointFields(d: VlaRecordDetail): Record<string, unknown> {
  const op = d.operatingPoint;
  const fields: Record<string, unknown> = {
    vlm_hz_setting: op.vlmHz,
    action_hz_setting: op.actionHz,
    off_default_rate: op.offDefault,
    display_source: op.displaySource,
    camera_fps: op.cameraFps,
    aggregate_camera_fps: op.aggregateCameraFps,
    ddr_bw_demand_gbs: op.ddrDemandGbs,
    ddr_bw_available_gbs: op.ddrAvailableGbs,
    target_action_hz: op.targetActionHz,
    target_exceeded: op.targetExceeded,
  };
  return withNotes(fields, d);
}
