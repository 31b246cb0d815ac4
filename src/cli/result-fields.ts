/** Engine projections as the flat snake_case records the query contract and exports use. */
import type { LlmProjection, VisionProjection } from '../engine';

export function visionFields(v: VisionProjection): Record<string, unknown> {
  return {
    pipeline: v.pipeline,
    resolution: v.resolution,
    streams: v.streams,
    per_stream_ms: v.perStreamMs,
    fps_per_stream: v.fpsPerStream,
    total_fps: v.totalFps,
    vram_mb: v.vramMb,
    fits_in_memory: v.fitsInMemory,
    npu_share_used: v.npuShareUsed,
    source: v.source,
    regime: v.regime,
    bw_floor_ms: v.bwFloorMs,
    compute_floor_ms: v.computeFloorMs,
    yolo_ms: v.yoloMs,
    clip_ms: v.clipMs,
  };
}

export function llmFields(l: LlmProjection): Record<string, unknown> {
  return {
    quant: l.quant,
    workload: l.workload,
    decode_tok_s: l.decodeTokS,
    ttft_1k_sec: l.ttft1kSec,
    decode_ceiling_tok_s: l.decodeCeilingTokS,
    short_answer_sec: l.shortAnswerSec,
    rag_prefill_sec: l.ragPrefillSec,
    rag_decode_sec: l.ragDecodeSec,
    rag_total_sec: l.ragTotalSec,
    gguf_size_gb: l.ggufSizeGb,
    fits_in_memory: l.fitsInMemory,
    npu_share_used: l.npuShareUsed,
    precision_prefill_scale: l.precisionPrefillScale,
    regime: l.regime,
    source: l.source,
  };
}
