/**
 * The 80% band fields a projection answer carries beside its number (docs/decisions/0030): the band
 * of the number's provenance class on the query's basis, read from the engine (engine.band), named
 * after the field it bands with _low / _high.
 */
import { bandAround, DEFAULT_BASIS, type Engine, type ProjectionBasis, type VisionProjection } from '../../engine';

/** `<field>_low` and `<field>_high` around a TTFT figure (null figures stay null). */
export function ttftBandFields(engine: Engine, basis: ProjectionBasis, source: string | null, field: string, ttftSec: number | null): Record<string, unknown> {
  if (ttftSec === null) return { [`${field}_low`]: null, [`${field}_high`]: null };
  const band = bandAround(engine.band('ttft', basis, source), ttftSec);
  return { [`${field}_low`]: band.low, [`${field}_high`]: band.high };
}

/**
 * FPS per stream and total FPS with their bands. Vision is not calibrated, so the number and its
 * band are the same on either basis; the reference basis is asked for.
 */
export function visionBandFields(engine: Engine, v: VisionProjection): Record<string, unknown> {
  const band = engine.band('fps', DEFAULT_BASIS, v.source);
  const perStream = bandAround(band, v.fpsPerStream);
  const total = bandAround(band, v.totalFps);
  return {
    provenance_class: band.provenanceClass,
    fps_per_stream_low: perStream.low,
    fps_per_stream_high: perStream.high,
    total_fps_low: total.low,
    total_fps_high: total.high,
  };
}
