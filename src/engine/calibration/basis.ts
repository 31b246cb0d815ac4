/**
 * The two bases a decode number can be on. "reference" is the reference tool's number, unchanged
 * (parity); "calibrated" replaces a projected number by the calibrated model (./model.ts). A number
 * measured on this hardware ('measured', or a 'measured_anchor' of the tier) is a measurement on either
 * basis and is never replaced, and neither is a number the reference refuses (0: the dtype gate). Either basis carries its 80% band,
 * taken from that basis's residuals on the validation set (data/calibration.json `bands`).
 * See docs/decisions/0028-calibrated-basis.md.
 */
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import { bandAround, calibratedDecode, type CalibratedDecode, type DecodeShape } from './model';

export type { DecodeShape } from './model';
import type { CalibrationFile } from './schema';

export const PROJECTION_BASES = ['reference', 'calibrated'] as const;
export type ProjectionBasis = (typeof PROJECTION_BASES)[number];
export const DEFAULT_BASIS: ProjectionBasis = 'reference';


export interface ReferenceDecode {
  readonly decodeTokS: number;
  /** The reference number's provenance ('measured' numbers are kept on both bases). */
  readonly source: string;
  /** Workload multiplier the reference applied on top of the plain-chat decode (1 when none). */
  readonly multiplier?: number;
}

export interface BasisDecode {
  readonly basis: ProjectionBasis;
  readonly decodeTokS: number;
  /** 80% band: the 10th and 90th percentile of measured / projected on the validation set, applied to decodeTokS. */
  readonly decodeTokSLow: number;
  readonly decodeTokSHigh: number;
  /** The calibrated model's breakdown, when it produced the number (null: the reference number stands). */
  readonly calibrated: CalibratedDecode | null;
}

/** What each basis means, in a sentence a sheet or a pane shows (with the basis's 80% band read from the calibration). */
export function basisMeaning(file: CalibrationFile, basis: ProjectionBasis): string {
  const band = basis === 'calibrated' ? file.bands.calibrated : file.bands.reference;
  const range = `${band.lowRatio.toFixed(2)}x to ${band.highRatio.toFixed(2)}x`;
  return basis === 'reference'
    ? `Reference numbers: the reference sizer's, cell for cell (the default). Four in five published measurements land within ${range} of such a projection (decode_tok_s_low / _high).`
    : `Calibrated to measurements: projected decode replaced by a model fitted to ${file.provenance.rows} published measurements (leave-one-out median error ${file.provenance.looMedianAbsErrorPct}%); ask for it with basis "calibrated". Its 80% band is ${range} of the number.`;
}

export function parseBasis(value: string | null | undefined): ProjectionBasis {
  if (value === null || value === undefined || value === '') return DEFAULT_BASIS;
  const basis = PROJECTION_BASES.find((b) => b === value.trim().toLowerCase());
  if (!basis) throw new SizerError('unknown_name', `unknown basis "${value}"; valid: ${PROJECTION_BASES.join(', ')}`, 'basis');
  return basis;
}

/** Provenance of numbers measured on the hardware itself. */
const MEASURED_SOURCES: readonly string[] = ['measured', 'measured_anchor'];

export function decodeOnBasis(file: CalibrationFile, hw: Hardware, basis: ProjectionBasis, reference: ReferenceDecode, shape: DecodeShape): BasisDecode {
  const measured = MEASURED_SOURCES.includes(reference.source);
  const refused = !(reference.decodeTokS > 0 && Number.isFinite(reference.decodeTokS));
  const calibrated =
    basis === 'calibrated' && !measured && !refused
      ? calibratedDecode(file, file.constants, {
          peakBandwidthGbs: hw.memBandwidthGbs,
          memType: hw.memType,
          busWidthBits: hw.memBusWidthBits,
          ...shape,
        })
      : null;
  const decodeTokS = calibrated ? calibrated.decodeTokS * (reference.multiplier ?? 1) : reference.decodeTokS;
  // A measured number carries the calibrated basis's band: the spread of silicon around a projection
  // is the closest figure to how far another setup's measurement may land from this one.
  const band = bandAround(measured || basis === 'calibrated' ? file.bands.calibrated : file.bands.reference, decodeTokS);
  return { basis, decodeTokS, decodeTokSLow: band.low, decodeTokSHigh: band.high, calibrated };
}
