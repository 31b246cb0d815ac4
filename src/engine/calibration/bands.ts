/**
 * 80% error bands by provenance class: every projected number (decode tok/s, TTFT, vision FPS)
 * carries the band of the class its `source` badge puts it in, on the basis it was asked on.
 *
 * - measured: the number was measured on this hardware (measured, measured_anchor, a user's
 *   measured_silicon_anchor); its band is the spread of repeated measurements of one thing.
 * - same_class: scaled from a measurement on the same silicon class (same_class_anchor).
 * - cross_class: projected from another class or a roofline (cross_class, projected, and the
 *   unlabelled multi-stream vision paths).
 *
 * The bands are data (data/calibration.json `bands` and `classBands`, written by scripts/accuracy.ts).
 * See docs/decisions/0030-bands-by-provenance-class.md.
 */
import type { Source } from '../vision/types';
import type { ProjectionBasis } from './basis';
import type { CalibrationFile } from './schema';

export const PROVENANCE_CLASSES = ['measured', 'same_class', 'cross_class'] as const;
export type ProvenanceClass = (typeof PROVENANCE_CLASSES)[number];

/** The projected quantities that carry a band. */
export type BandedQuantity = 'decode' | 'ttft' | 'fps';

/** Each provenance badge's class: one table, so a new badge fails to compile until it is classed. */
const CLASS_OF_SOURCE: Readonly<Record<Source, ProvenanceClass>> = {
  measured: 'measured',
  measured_anchor: 'measured',
  measured_silicon_anchor: 'measured',
  same_class_anchor: 'same_class',
  cross_class: 'cross_class',
  projected: 'cross_class',
};

function isSource(source: string): source is Source {
  return Object.prototype.hasOwnProperty.call(CLASS_OF_SOURCE, source);
}

/** The provenance class of a source badge; an unlabelled number (null, or a badge outside the table) is cross-class. */
export function provenanceClassOf(source: string | null): ProvenanceClass {
  return source !== null && isSource(source) ? CLASS_OF_SOURCE[source] : 'cross_class';
}

export interface PickedBand {
  readonly provenanceClass: ProvenanceClass;
  /** Measured / projected at the band's low and high ends. */
  readonly lowRatio: number;
  readonly highRatio: number;
}

/**
 * The band of a number of this quantity, class and basis. Decode is the only quantity the calibrated
 * basis replaces: there a same- or cross-class number is the calibrated model's, so it takes the
 * calibrated basis's band; a measured number is kept on both bases and keeps its measured band.
 * TTFT and FPS are the same number on both bases, so they carry the same band on both.
 */
export function pickBand(file: CalibrationFile, quantity: BandedQuantity, basis: ProjectionBasis, provenanceClass: ProvenanceClass): PickedBand {
  const classBands = file.classBands;
  const band = ((): { readonly lowRatio: number; readonly highRatio: number } => {
    if (provenanceClass === 'measured') return classBands.measured;
    if (quantity === 'decode') {
      if (basis === 'calibrated') return file.bands.calibrated;
      return provenanceClass === 'same_class' ? classBands.decode.sameClass : file.bands.reference;
    }
    return provenanceClass === 'same_class' ? classBands[quantity].sameClass : classBands[quantity].crossClass;
  })();
  return { provenanceClass, lowRatio: band.lowRatio, highRatio: band.highRatio };
}

/** The band of a number from its source badge. */
export function bandOfSource(file: CalibrationFile, quantity: BandedQuantity, basis: ProjectionBasis, source: string | null): PickedBand {
  return pickBand(file, quantity, basis, provenanceClassOf(source));
}
