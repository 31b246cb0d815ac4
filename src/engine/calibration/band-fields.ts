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

/**
 * FPS per stream and total FPS bands of a vision projection, with the class they are the band of.
 * Written out field by field (no computed keys, no spreads): every vision answer of a bulk
 * `sizer query` run carries these, and the generic form cost a third of the answer's time.
 */
export function visionBandFields(band: PickedBand, v: VisionProjection): VisionBandFields {
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

export type VisionBandFields = {
  readonly provenance_class: string;
  readonly fps_per_stream_low: number;
  readonly fps_per_stream_high: number;
  readonly total_fps_low: number;
  readonly total_fps_high: number;
};
