/**
 * Band columns in the sheets: the 80% band of a number's provenance class beside the number
 * (docs/decisions/0030-bands-by-provenance-class.md), on the sheet's basis (decision 0032).
 */
import { bandAround, DEFAULT_BASIS, type BandedQuantity, type Engine, type ProjectionBasis } from '../engine';
import { numberColumn } from './columns';
import type { CellValue, ColumnSpec } from './types';

/** The low and high ends of a number's band (null when the number is). */
export function bandCells(engine: Engine, quantity: BandedQuantity, source: string | null, value: number | null, basis: ProjectionBasis = DEFAULT_BASIS): [CellValue, CellValue] {
  if (value === null) return [null, null];
  const band = bandAround(engine.band(quantity, basis, source), value);
  return [band.low, band.high];
}

/** `<key>_low` and `<key>_high` columns for a number column's band, in its unit and format. */
export function bandColumns(key: string, label: string, unit: string, numberFormat: string): [ColumnSpec, ColumnSpec] {
  const description = `80% band of ${label} from the validation residuals of its provenance class (docs/accuracy.md): four in five measurements land between low and high`;
  return [numberColumn(`${key}_low`, `${label} low (80%)`, unit, numberFormat, 15, description), numberColumn(`${key}_high`, `${label} high (80%)`, unit, numberFormat, 15, description)];
}
