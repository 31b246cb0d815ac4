/**
 * The 80% band fields a projection answer carries beside its number (docs/decisions/0030): the band
 * of the number's provenance class on the query's basis (engine.band), written by the engine's field writers.
 */
import { bandFields, DEFAULT_BASIS, visionBandFields as visionFields, type Engine, type ProjectionBasis, type VisionProjection } from '../../engine';

/** `<field>_low` and `<field>_high` around a TTFT figure (null figures stay null). */
export function ttftBandFields(engine: Engine, basis: ProjectionBasis, source: string | null, field: string, ttftSec: number | null): Record<string, unknown> {
  return bandFields(engine.band('ttft', basis, source), field, ttftSec);
}

/** FPS per stream and total FPS with their bands. Vision is not calibrated: the band is the same on either basis. */
export function visionBandFields(engine: Engine, v: VisionProjection): Record<string, unknown> {
  return visionFields(engine.band('fps', DEFAULT_BASIS, v.source), v);
}
