/**
 * The head of a SIZER input sheet (procurement model, procurement comparison): a bold title over its
 * notes, then a block of named input cells (label, value, name, meaning), each value cell named on the
 * sheet and filled in the input colour. Text that looks like a formula is kept as text (cells.ts).
 */
import { cellFormat, toExcelValue } from './cells';

/** The fill of a cell the user is meant to type into. */
export const INPUT_FILL = '#FFF2CC';

export interface NamedInputCell {
  readonly name: string;
  readonly label: string;
  readonly value: string | number | null;
  readonly numberFormat: string;
  readonly meaning: string;
}

/** Title (bold, 14 pt) and notes down column A from row 1. */
export function writeSheetHead(sheet: Excel.Worksheet, title: string, notes: readonly string[]): void {
  const head = [title, ...notes];
  const range = sheet.getRangeByIndexes(0, 0, head.length, 1);
  range.numberFormat = head.map((line) => [cellFormat(line, 'General')]);
  range.values = head.map((line) => [line]);
  range.getCell(0, 0).format.font.bold = true;
  range.getCell(0, 0).format.font.size = 14;
}

/** The header row (bold), one row per input below it, each value cell (column B) named and filled. */
export function writeNamedInputs(sheet: Excel.Worksheet, headerRow: number, firstHeader: string, inputs: readonly NamedInputCell[]): void {
  const rows = [[firstHeader, 'Value', 'Name', 'Meaning'], ...inputs.map((c) => [c.label, toExcelValue(c.value), c.name, c.meaning])];
  const range = sheet.getRangeByIndexes(headerRow, 0, rows.length, 4);
  range.numberFormat = rows.map((row, r) => row.map((v, c) => (r > 0 && c === 1 ? cellFormat(v, inputs[r - 1]!.numberFormat) : cellFormat(v, 'General'))));
  range.values = rows;
  sheet.getRangeByIndexes(headerRow, 0, 1, 4).format.font.bold = true;
  inputs.forEach((cell, i) => {
    const target = sheet.getRangeByIndexes(headerRow + 1 + i, 1, 1, 1);
    sheet.names.add(cell.name, target, cell.meaning);
    target.format.fill.color = INPUT_FILL;
  });
}
