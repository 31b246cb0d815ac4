/**
 * The two bases a decode number can be on. "reference" is the reference tool's number, unchanged
 * (parity); "calibrated" replaces a projected number by the calibrated model (./model.ts). A number
 * measured on this hardware (the measured provenance class of ./bands.ts) is a measurement on either
 * basis and is never replaced, and neither is a number the reference refuses (0: the dtype gate). Either basis carries the 80% band
 * of the number's provenance class on that basis (./bands.ts, data/calibration.json `bands` and `classBands`).
 * See docs/decisions/0028-calibrated-basis.md.
 */
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import type { Explanation } from '../explain/types';
import { pickBand, provenanceClassOf, type ProvenanceClass } from './bands';
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
  /**
   * The NPU share the user asked for, null when they gave none. The calibrated number is the whole
   * device's (the measurements are), so a given share scales it; the tier's default share is the
   * reference's convention and is not applied.
   */
  readonly npuShareGiven?: number | null;
}

export interface BasisDecode {
  readonly basis: ProjectionBasis;
  /** The provenance class whose band the number carries (./bands.ts). */
  readonly provenanceClass: ProvenanceClass;
  readonly decodeTokS: number;
  /** 80% band: the 10th and 90th percentile of measured / projected on the validation set, applied to decodeTokS. */
  readonly decodeTokSLow: number;
  readonly decodeTokSHigh: number;
  /** The calibrated model's breakdown, when it produced the number (null: the reference number stands). */
  readonly calibrated: CalibratedDecode | null;
}

/** Whether a calibration is the shipped fit to the published validation set, not a refit to a user's lab rows. */
function fittedToPublished(file: CalibrationFile): boolean {
  return file.provenance.validationFile.startsWith('data/validation/');
}

/** What each basis means, in a sentence a sheet or a pane shows (with the basis's 80% band read from the calibration). */
export function basisMeaning(file: CalibrationFile, basis: ProjectionBasis): string {
  const band = basis === 'calibrated' ? file.bands.calibrated : file.bands.reference;
  const range = `${band.lowRatio.toFixed(2)}x to ${band.highRatio.toFixed(2)}x`;
  return basis === 'reference'
    ? `Reference numbers: the reference sizer's, cell for cell (the default). Four in five published measurements land within ${range} of such a projection (decode_tok_s_low / _high).`
    : `Calibrated to measurements: projected decode replaced by a model fitted to ${file.provenance.rows} ${fittedToPublished(file) ? 'published measurements' : `of ${fittedTo(file)}`} (leave-one-out median error ${file.provenance.looMedianAbsErrorPct}%); ask for it with basis "calibrated". Its 80% band is ${range} of the number.`;
}

/** What a calibration was fitted to, as a sentence says it. */
function fittedTo(file: CalibrationFile): string {
  return fittedToPublished(file) ? 'published measurements' : `your lab rows (${file.provenance.validationFile})`;
}

/**
 * The explanation of a decode number on a basis: how the reference number was derived, then (when the
 * calibrated model replaced it) one sentence saying what replaced it, from which fit, and its breakdown.
 */
export function explanationOnBasis(file: CalibrationFile, explanation: Explanation, reference: number, decode: BasisDecode): Explanation {
  const c = decode.calibrated;
  if (c === null) return explanation;
  const text =
    `Calibrated to measurements: ${decode.decodeTokS.toFixed(2)} tok/s in place of the reference's ${reference.toFixed(2)}, from the model fitted to ${fittedTo(file)} ` +
    `(${c.weightFormat} weights at ${(c.bwEfficiency * 100).toFixed(0)}% of peak bandwidth; per token ${c.weightMsPerToken.toFixed(2)} ms weights + ${c.kvMsPerToken.toFixed(2)} ms KV cache + ${c.overheadMsPerToken.toFixed(2)} ms overhead).`;
  const parts = [...explanation.parts, { topic: 'source' as const, text }];
  return { parts, text: `${explanation.text} ${text}` };
}

export function parseBasis(value: string | null | undefined): ProjectionBasis {
  if (value === null || value === undefined || value === '') return DEFAULT_BASIS;
  const basis = PROJECTION_BASES.find((b) => b === value.trim().toLowerCase());
  if (!basis) throw new SizerError('unknown_name', `unknown basis "${value}"; valid: ${PROJECTION_BASES.join(', ')}`, 'basis');
  return basis;
}

/**
 * The memory type the calibrated model reads: the tier's own, or, for a custom tier given no memory
 * type ('custom', the CLI's and the pane's default), its silicon class's family (GDDR-custom for
 * gddr_class), so a GDDR part described by its class alone still gets the GDDR constants.
 */
export function memoryTypeOf(hw: Pick<Hardware, 'memType' | 'family'>): string {
  return hw.memType === '' || hw.memType === 'custom' ? (hw.family ?? hw.memType) : hw.memType;
}

export function decodeOnBasis(file: CalibrationFile, hw: Hardware, basis: ProjectionBasis, reference: ReferenceDecode, shape: DecodeShape): BasisDecode {
  const provenanceClass = provenanceClassOf(reference.source);
  const measured = provenanceClass === 'measured';
  const refused = !(reference.decodeTokS > 0 && Number.isFinite(reference.decodeTokS));
  const calibrated =
    basis === 'calibrated' && !measured && !refused
      ? calibratedDecode(file, file.constants, {
          peakBandwidthGbs: hw.memBandwidthGbs,
          memType: memoryTypeOf(hw),
          busWidthBits: hw.memBusWidthBits,
          ...shape,
        })
      : null;
  const decodeTokS = calibrated ? calibrated.decodeTokS * (reference.multiplier ?? 1) * (reference.npuShareGiven ?? 1) : reference.decodeTokS;
  // The band of the number's provenance class on this basis (./bands.ts).
  const band = bandAround(pickBand(file, 'decode', basis, provenanceClass), decodeTokS);
  return { basis, provenanceClass, decodeTokS, decodeTokSLow: band.low, decodeTokSHigh: band.high, calibrated };
}
