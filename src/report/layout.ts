/**
 * Where a sheet model goes on a worksheet, shared by every host so the task pane and the CLI write
 * the same cells: the table first (header row in row 1, data rows, optional totals row), then a blank
 * row, the title and one note per row below it. The header is the top row so that freezing it
 * freezes that one row: Excel freezes panes from the top of the sheet ("Freeze the top row or rows of
 * the worksheet in place", https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes),
 * so a title and notes above the table would be frozen with it (14 rows on the budget sheets).
 * Rows and columns are 0-based here.
 */
import type { SheetModel } from './types';

export interface SheetLayout {
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Last data row (headerRow when there are no rows). */
  readonly lastDataRow: number;
  /** Totals row, or null. */
  readonly totalsRow: number | null;
  /** Rows frozen at the top: the header row only. */
  readonly frozenRows: number;
  /** The title, below the table after one blank row; the notes follow it, one per row. */
  readonly titleRow: number;
  readonly firstNoteRow: number;
  readonly columnCount: number;
}

export function sheetLayout(model: SheetModel): SheetLayout {
  const headerRow = 0;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + model.rows.length;
  const totalsRow = model.totals ? lastDataRow + 1 : null;
  const titleRow = (totalsRow ?? lastDataRow) + 2;
  return {
    headerRow,
    firstDataRow,
    lastDataRow,
    totalsRow,
    frozenRows: headerRow + 1,
    titleRow,
    firstNoteRow: titleRow + 1,
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
