/**
 * "Insert calibration sheet": a sheet where the user types their own lab measurements into an Excel
 * table (LabRows, columns as src/report/calibration-table.ts declares them), starting with a few
 * example rows from SIZER's validation set, marked as examples with their citation, and a live
 * =SIZER.CALIBRATE(LabRows[#All]) beside it, to the right, so the table can grow downward.
 *
 * The user's data is never destroyed: a sheet of that name, whoever made it, is left alone and the
 * new one goes to "Calibration (2)" (the writer's planning with neverReuse: a SIZER-made calibration
 * sheet holds the user's rows too). readActiveLabTable reads the lab table of the active sheet for
 * the pane's "Use this calibration". See docs/decisions/0031-calibration-from-lab-rows-in-excel.md.
 */
import { cellAddress, columnLetter, rangeAddress } from '../../report';
import { CALIBRATION_RESULT_HEADER, CALIBRATION_RESULT_ROWS, CALIBRATION_TABLE_COLUMNS, type CalibrationCell } from '../../report/calibration-table';
import { calibrationExampleRows, EXAMPLE_MARK } from '../../report/calibration-examples';
import { MIN_USER_ROWS } from '../../engine';
import type { WrittenSheet } from '../ports';
import { cellFormat, columnWidthPoints, toExcelValue } from './cells';
import { writeSheetHead } from './input-block';
import { type ExcelRun, finishAction, planSheets, prepareSheet, RUN_OPTIONS, suspendScreenUpdating, TABLE_STYLE } from './writer';

export const CALIBRATION_SHEET = 'Calibration';
/** The lab table's name (the next free one, LabRows_2, ..., when the workbook has one). */
export const LAB_TABLE = 'LabRows';

/** Example rows are greyed, so they read as examples beside the user's own. */
const EXAMPLE_FONT = '#7F7F7F';

export interface CalibrationSheetLayout {
  readonly title: string;
  readonly notes: readonly string[];
  /** The lab table: header row and example rows, from its top-left corner. */
  readonly tableRow: number;
  readonly header: readonly string[];
  readonly examples: readonly (readonly CalibrationCell[])[];
  /** The SIZER.CALIBRATE cell (its result spills below and right of it) and the label above it. */
  readonly result: { readonly row: number; readonly col: number; readonly label: string; readonly formula: string };
  /** What each column means, as a two-column block below the result. */
  readonly guide: { readonly row: number; readonly col: number; readonly cells: readonly (readonly string[])[] };
}

/** The sheet as cells, for a lab table of that name (pure: where everything goes). */
export function calibrationSheetLayout(tableName: string, sheetName: string): CalibrationSheetLayout {
  const header = CALIBRATION_TABLE_COLUMNS.map((c) => c.key);
  const resultCol = header.length + 1;
  const noteLines = (resultAddress: string): string[] => [
    `Type one row per measurement in the table ${tableName} (add rows under it: the table grows). Give a tier or the memory facts, a catalog model or its parameter counts, a quant or its bits per weight, and your measured decode tok/s.`,
    `The ${EXAMPLE_MARK} rows come from SIZER's validation set (their note column cites the source): replace them with your own. SIZER.CALIBRATE needs at least ${MIN_USER_ROWS} rows; blank rows are skipped.`,
    `Use the result in a projection as its calibration argument, e.g. SIZER.TOKPS(tier, model, quant, , , , , , , '${sheetName}'!${resultAddress}#), or keep it with the workbook with the pane's "Use this calibration".`,
    'Your rows stay in this workbook, where you typed them: SIZER never sends, stores elsewhere or logs them.',
  ];
  const tableRow = noteLines('').length + 2;
  const resultRow = tableRow;
  const notes = noteLines(cellAddress(resultRow, resultCol));
  const guideRow = resultRow + CALIBRATION_RESULT_ROWS.length + 1 + 2;
  return {
    title: 'SIZER calibration: your own lab measurements',
    notes,
    tableRow,
    header,
    examples: calibrationExampleRows(),
    result: { row: resultRow, col: resultCol, label: `Fitted to ${tableName} (live: ${CALIBRATION_RESULT_HEADER.join(', ')})`, formula: `=SIZER.CALIBRATE(${tableName}[#All])` },
    guide: { row: guideRow, col: resultCol, cells: [['Column', 'Meaning'], ...CALIBRATION_TABLE_COLUMNS.map((c) => [c.key, c.meaning])] },
  };
}

/** Column widths in characters: the lab table's, the gap, the result's label and value. */
const TABLE_WIDTH = 14;
const NOTE_WIDTH = 60;
const RESULT_WIDTHS = [24, 60];

function writeCells(sheet: Excel.Worksheet, row: number, col: number, cells: readonly (readonly CalibrationCell[])[]): Excel.Range {
  const range = sheet.getRangeByIndexes(row, col, cells.length, cells[0]!.length);
  range.numberFormat = cells.map((r) => r.map((v) => cellFormat(v ?? null, 'General')));
  range.values = cells.map((r) => r.map((v) => toExcelValue(v ?? null)));
  return range;
}

/** Inserts the calibration sheet under a free name (never over an existing sheet), with its table and live result. */
export async function writeCalibrationSheet(run: ExcelRun): Promise<WrittenSheet> {
  return run(RUN_OPTIONS, async (context) => {
    const [plan] = await planSheets(context, [{ name: CALIBRATION_SHEET, tableName: LAB_TABLE, neverReuse: true }]);
    const layout = calibrationSheetLayout(plan!.tableName!, plan!.name);
    suspendScreenUpdating(context);
    const sheet = prepareSheet(context, plan!);
    writeSheetHead(sheet, layout.title, layout.notes);

    const width = layout.header.length;
    writeCells(sheet, layout.tableRow, 0, [layout.header, ...layout.examples]);
    const table = sheet.tables.add(rangeAddress(layout.tableRow, 0, layout.tableRow + layout.examples.length, width - 1), true);
    table.name = plan!.tableName!;
    table.style = TABLE_STYLE;
    const examples = sheet.getRangeByIndexes(layout.tableRow + 1, 0, layout.examples.length, width);
    examples.format.font.color = EXAMPLE_FONT;
    examples.format.font.italic = true;

    const label = sheet.getRangeByIndexes(layout.result.row - 1, layout.result.col, 1, 1);
    label.numberFormat = [[cellFormat(layout.result.label, 'General')]];
    label.values = [[layout.result.label]];
    label.format.font.bold = true;
    sheet.getRangeByIndexes(layout.result.row, layout.result.col, 1, 1).formulas = [[layout.result.formula]];
    writeCells(sheet, layout.guide.row, layout.guide.col, layout.guide.cells);
    sheet.getRangeByIndexes(layout.guide.row, layout.guide.col, 1, 2).format.font.bold = true;

    for (let c = 0; c < width; c++) sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = columnWidthPoints(layout.header[c] === 'note' ? NOTE_WIDTH : TABLE_WIDTH);
    RESULT_WIDTHS.forEach((w, i) => {
      const letter = columnLetter(layout.result.col + i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(w);
    });
    await finishAction(context, sheet, sheet.getRange(cellAddress(layout.tableRow + 1, 0)));
    return { requested: plan!.requested, written: plan!.name, replaced: false };
  });
}

/** The lab table of the active sheet (its first table whose name starts with LabRows, else its first table), header row included. */
export interface ActiveLabTable {
  readonly sheet: string;
  readonly table: CalibrationCell[][];
}

export async function readActiveLabTable(run: ExcelRun): Promise<ActiveLabTable | null> {
  return run(RUN_OPTIONS, async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    sheet.tables.load('items/name');
    await context.sync();
    const tables = sheet.tables.items;
    const table = tables.find((t) => t.name.toLowerCase().startsWith(LAB_TABLE.toLowerCase())) ?? tables[0];
    if (!table) return null;
    const range = table.getRange();
    range.load('values');
    await context.sync();
    return { sheet: sheet.name, table: range.values as CalibrationCell[][] };
  });
}
