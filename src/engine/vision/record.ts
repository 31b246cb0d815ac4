/** A vision projection as a flat snake_case record (the query contract's fields), shared by every host. */
import { withNotes, type RecordNotes } from '../explain/types';
import type { VisionProjection } from './types';

/** With notes: also the bandwidth ratio vs NPU Mid and how the number was derived (engine.explainVision). */
export function visionRecord(v: VisionProjection, notes?: RecordNotes): Record<string, unknown> {
  const record: Record<string, unknown> = {
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
  return withNotes(record, notes);
}
