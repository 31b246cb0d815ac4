/**
 * The answer fields of a band (docs/decisions/0030): `<field>_low` / `<field>_high` beside the field
 * the band applies to, and the provenance class it is the band of. One writer for every host's
 * records (sizer query answers, the SIZER.VISION and SIZER.LLM records).
 */
import type { VisionProjection } from '../vision/types';
import type { PickedBand } from './bands';
import { bandAround } from './model';

/** `<field>_low` and `<field>_high` around a figure (null figures stay null). */
export function bandFields(band: PickedBand, field: string, value: number | null): Record<string, number | null> {
  if (value === null) return { [`${field}_low`]: null, [`${field}_high`]: null };
  const { low, high } = bandAround(band, value);
  return { [`${field}_low`]: low, [`${field}_high`]: high };
}

/** FPS per stream and total FPS bands of a vision projection, with the class they are the band of. */
export function visionBandFields(band: PickedBand, v: VisionProjection): Record<string, unknown> {
  return { provenance_class: band.provenanceClass, ...bandFields(band, 'fps_per_stream', v.fpsPerStream), ...bandFields(band, 'total_fps', v.totalFps) };
}
