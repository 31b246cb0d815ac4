/**
 * The basis a sheet's numbers are on (docs/decisions/0028-calibrated-basis.md): which basis a sizing
 * configuration asks for, a catalog model's LLM projection on that basis with its 80% decode band,
 * the band columns a sheet showing decode tok/s adds, and the caveat line every sheet carries. The
 * sentence saying what a basis means is the engine's (basisMeaning); this module only places it.
 */
import {
  basisMeaning,
  type BasisDecode,
  DEFAULT_BASIS,
  type Engine,
  type ModelProjection,
  type ProjectionBasis,
} from '../engine';
import { bandColumns } from './bands';
import { FORMAT } from './columns';
import type { SizingConfig } from './config';
import type { ColumnSpec, SheetModel } from './types';

/** The basis a configuration asks for (absent: the reference basis, the default). */
export function basisOf(config: SizingConfig): ProjectionBasis {
  return config.basis ?? DEFAULT_BASIS;
}

/** A catalog model's projection on a basis, as engine.onBasis gives it. */
export type ModelOnBasis = { readonly projection: ModelProjection; readonly decode: BasisDecode };

/** The two columns of a decode number's 80% band, placed after the decode column they bound (one writer: bands.ts). */
export function decodeBandColumns(numberFormat: string = FORMAT.two): ColumnSpec[] {
  return bandColumns('decode_tok_s', 'Decode', 'tok/s', numberFormat);
}

/**
 * The caveat line that says which basis a sheet's numbers are on. `on` is the basis the sheet's
 * builder put its numbers on (absent: reference, for sheets without a number the calibrated basis
 * replaces); when it differs from the basis asked for, the line says so rather than claim it.
 */
export function basisNote(engine: Engine, asked: ProjectionBasis, on: ProjectionBasis): string {
  const meaning = basisMeaning(engine.calibration, on);
  if (on === asked) return `Basis: ${meaning}`;
  return `Basis: reference numbers on this sheet, although the ${asked} basis was asked for: the calibrated basis replaces projected LLM decode only, and no number on this sheet follows it. ${meaning}`;
}

/** The sheet with its basis line last among its notes (every sheet states its basis). */
export function withBasisNote(engine: Engine, config: SizingConfig, model: SheetModel): SheetModel {
  return { ...model, notes: [...model.notes, basisNote(engine, basisOf(config), model.basis ?? DEFAULT_BASIS)] };
}
