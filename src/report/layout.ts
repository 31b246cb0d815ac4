/**
 * Where a sheet model goes on a worksheet, shared by every host so the task pane and the CLI write
 * the same cells: the title in A1, one note per row below it, a blank row, then the table (header
 * row, data rows, optional totals row). Rows and columns are 0-based here.
 */
import type { SheetModel } from './types';

export interface SheetLayout {
  readonly titleRow: number;
  readonly firstNoteRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Last data row (headerRow when there are no rows). */
  readonly lastDataRow: number;
  /** Totals row, or null. */
  readonly totalsRow: number | null;
  readonly columnCount: number;
}

export function sheetLayout(model: SheetModel): SheetLayout {
  const firstNoteRow = 1;
  const headerRow = firstNoteRow + model.notes.length + 1;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + model.rows.length;
  return {
    titleRow: 0,
    firstNoteRow,
    headerRow,
    firstDataRow,
    lastDataRow,
    totalsRow: model.totals ? lastDataRow + 1 : null,
    columnCount: model.columns.length,
  };
}

/** Excel column letters for a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1-style address of a 0-based row and column. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A1-style range between two 0-based corners. */
export function rangeAddress(row0: number, col0: number, row1: number, col1: number): string {
  return `${cellAddress(row0, col0)}:${cellAddress(row1, col1)}`;
}
