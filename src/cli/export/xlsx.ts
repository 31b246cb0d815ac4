/**
 * Sheet models to an .xlsx workbook with exceljs: per sheet an Excel table (header row, number
 * formats, column widths, optional totals row) with its header frozen, the title and notes below it
 * (src/report/layout.ts, the same cells the task pane writes), and the
 * source badges coloured by conditional formats. exceljs cannot draw charts, so the chart parts are
 * added to its package afterwards (xlsx-charts.ts, decision record 0025); the constant cells the
 * threshold lines plot go beside the table here (chartHelperColumns), where the task pane puts them.
 */
import ExcelJS from 'exceljs';
import { type BadgeRule, cellAddress, chartHelperColumns, columnHeader, columnLetter, headerFooterStrings, pageSetupOf, type SheetModel, sheetLayout } from '../../report';
import { addChartParts, type ChartedSheet } from './xlsx-charts';

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
export function safeSheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 27)} (${i})`;
  return candidate;
}

function addBadgeRules(ws: ExcelJS.Worksheet, model: SheetModel, badges: readonly BadgeRule[]): void {
  const layout = sheetLayout(model);
  if (model.rows.length === 0) return;
  for (const rule of badges) {
    const col = model.columns.findIndex((c) => c.key === rule.column);
    if (col < 0) continue;
    const first = cellAddress(layout.firstDataRow, col);
    const ref = `${first}:${cellAddress(layout.lastDataRow, col)}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`$${columnLetter(col)}${layout.firstDataRow + 1}="${rule.equals}"`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } }, font: { color: { argb: argb(rule.fontColor) } } },
        },
      ],
    });
  }
}

/** Landscape, fitted to the page widths page-setup.ts gives, the header row (and a wide table's first column) on every page, header and footer. */
function applyPageSetup(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const setup = model.pageSetup ?? pageSetupOf(model);
  ws.pageSetup.orientation = setup.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = setup.fitToPagesWide;
  ws.pageSetup.fitToHeight = setup.fitToPagesTall;
  ws.pageSetup.printTitlesRow = setup.printTitleRows;
  if (setup.printTitleColumns !== null) ws.pageSetup.printTitlesColumn = setup.printTitleColumns;
  const { header, footer } = headerFooterStrings(setup);
  ws.headerFooter.oddHeader = header;
  ws.headerFooter.oddFooter = footer;
}

export function addSheet(workbook: ExcelJS.Workbook, model: SheetModel, provenance: readonly string[]): ExcelJS.Worksheet {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const layout = sheetLayout(model);
  const notes = [...model.notes, ...provenance];
  const ws = workbook.addWorksheet(safeSheetName(model.name, taken), {
    views: [{ state: 'frozen', ySplit: layout.frozenRows }],
  });
  ws.getCell(cellAddress(layout.titleRow, 0)).value = model.title;
  ws.getCell(cellAddress(layout.titleRow, 0)).font = { bold: true, size: 14 };
  // The model's notes, then the provenance lines and the chart list, below the title.
  notes.forEach((note, i) => {
    const cell = ws.getCell(cellAddress(layout.firstNoteRow + i, 0));
    cell.value = note;
    cell.font = { italic: true, color: { argb: 'FF595959' } };
  });
  const headerRow = layout.headerRow;
  const firstDataRow = layout.firstDataRow;
  ws.addTable({
    name: model.tableName,
    ref: cellAddress(headerRow, 0),
    headerRow: true,
    totalsRow: Boolean(model.totals),
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: model.columns.map((c, i) => ({
      name: columnHeader(c),
      filterButton: true,
      ...(model.totals
        ? i === 0
          ? { totalsRowLabel: model.totals.label }
          : model.totals.sumColumns.includes(c.key)
            ? { totalsRowFunction: 'sum' as const }
            : {}
        : {}),
    })),
    rows: model.rows.map((r) => [...r]),
  });
  // After the table: adding a table redefines the sheet's columns, widths included.
  model.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    for (let r = 0; r < model.rows.length; r++) ws.getCell(cellAddress(firstDataRow + r, i)).numFmt = c.numberFormat;
  });
  addBadgeRules(ws, model, model.badges);
  addChartHelperCells(ws, model);
  applyPageSetup(ws, model);
  return ws;
}

/** The threshold lines' constant cells: label in the header row, the value on every data row. */
function addChartHelperCells(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const layout = sheetLayout(model);
  for (const helper of chartHelperColumns(model)) {
    const header = ws.getCell(cellAddress(layout.headerRow, helper.column));
    header.value = helper.header;
    header.font = { italic: true, color: { argb: 'FF595959' } };
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) ws.getCell(cellAddress(r, helper.column)).value = helper.value;
    ws.getColumn(helper.column + 1).width = Math.max(12, helper.header.length + 2);
  }
}

export async function sheetsToXlsx(models: readonly SheetModel[], provenance: readonly string[], onSheet?: (index: number, model: SheetModel) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIZER for Excel';
  const charted: ChartedSheet[] = models.map((model, i) => {
    onSheet?.(i, model);
    return { sheetName: addSheet(workbook, model, provenance).name, model };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return (await addChartParts(new Uint8Array(buffer as ArrayBuffer), charted)).xlsx;
}
