/**
 * The one workbook writer: applies SheetModels inside Excel.run, laid out as src/report/layout.ts
 * says (table with its header in row 1, optional totals row, then the title and notes).
 *
 * Round trips (context.sync calls) are a small fixed number per write, set by the models' sizes:
 *   1   to read the workbook's sheet and table names;
 *   +1  to read ownership marks, only when a model's sheet name is already taken;
 *   per sheet, one per block of at most MAX_CELLS_PER_SYNC table cells, and at least one: every
 *   sheet but the full matrix is one sync. (Excel on the web refuses requests over about 5 MB, and
 *   the 2,250-row matrix is ~63,000 cells, so it goes in four blocks, which also drive its progress
 *   bar.) The first batch of a sheet also creates (or clears) it; the last one adds the totals row,
 *   the title and notes, the table, frozen header, column widths, badge conditional formats, the
 *   charts' threshold cells and the charts (src/report/charts.ts places them, decision 0025), and the
 *   print layout (page-layout.ts);
 *   +1  to finish: activate the first sheet written and ask Excel to recalculate.
 * Each block is one numberFormat assignment followed by one values assignment (the format first, so
 * formula-like text lands in text-formatted cells; see cells.ts).
 *
 * As Excel documents its Application methods (https://learn.microsoft.com/javascript/api/excel/excel.application
 * and https://learn.microsoft.com/office/dev/add-ins/excel/performance, "Suspend Excel processes temporarily"):
 *   - screen updating is suspended ONCE per action, before its first write batch: the suspension lasts
 *     until the next context.sync(), and "Repeated calls will cause the Excel window to flicker";
 *   - API calculation is suspended for every write batch (it too lasts until the next sync), and
 *     "Once set, it is the developer's responsibility to re-calc the workbook", so every action ends
 *     with its own batch, not suspended, that asks for a recalculation (CalculationType.recalculate:
 *     the cells written are "changed data", so their dependents are dirty and get recomputed).
 * Every Excel.run passes RUN_OPTIONS: a write waits while the user is editing a cell instead of failing.
 *
 * Never overwrites data it did not write: every sheet it creates carries two marks, a hidden
 * sheet-scoped name SIZER_OWNED and a worksheet custom property SIZER_OWNED (see isOwned). A model
 * whose sheet name belongs to a sheet without both marks goes to "Name (2)" (or the next free or
 * SIZER-owned name); a SIZER-owned sheet is cleared and rewritten in place.
 */
import { cellAddress, chartHelperColumns, columnHeader, columnLetter, rangeAddress, resolveCharts, sheetLayout, type CellValue, type ChartSpec, type ResolvedChart, type ResolvedSeries, type SheetModel } from '../../report';
import type { WriteOptions, WrittenSheet } from '../ports';
import { applyPageLayout } from './page-layout';
import { cellFormat, cleanSheetName, columnWidthPoints, freeSheetName, freeTableName, toExcelValue } from './cells';

/** Excel.run with its options, or a fake of it in tests. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The options of every SIZER Excel.run. delayForCellEdit: "When `true`, ... if the user is in cell
 * edit mode then the batch request is delayed until the user exits cell edit mode"; without it "the
 * batch automatically fails" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The name of both ownership marks: a hidden sheet-scoped name and a worksheet custom property. */
export const OWNER_MARK = 'SIZER_OWNED';
export const OWNER_MARK_FORMULA = '="SIZER for Excel"';
/** The value of the ownership custom property (Worksheet.customProperties, ExcelApi 1.12). */
export const OWNER_PROPERTY_VALUE = 'SIZER for Excel';
/** Table cells per round trip (see the header comment). */
export const MAX_CELLS_PER_SYNC = 20_000;
export const TABLE_STYLE = 'TableStyleMedium2';
const HEADER_FORMAT = 'General';

/** Excel.ChartType by spec kind, clustered or stacked (https://learn.microsoft.com/javascript/api/excel/excel.charttype). */
const CHART_TYPES: Record<ChartSpec['kind'], { readonly clustered: Excel.ChartType; readonly stacked: Excel.ChartType }> = {
  line: { clustered: 'LineMarkers' as Excel.ChartType, stacked: 'LineMarkersStacked' as Excel.ChartType },
  column: { clustered: 'ColumnClustered' as Excel.ChartType, stacked: 'ColumnStacked' as Excel.ChartType },
  bar: { clustered: 'BarClustered' as Excel.ChartType, stacked: 'BarStacked' as Excel.ChartType },
  scatter: { clustered: 'XYScatterLines' as Excel.ChartType, stacked: 'XYScatterLines' as Excel.ChartType },
};

/** A sheet to write: the name it asks for, and the table name it will give its table (if any). */
export interface SheetRequest {
  readonly name: string;
  readonly tableName: string | null;
  /**
   * True for a sheet the user types into (the calibration sheet's lab rows): a SIZER-owned sheet of
   * that name is not rewritten either, since it may hold their data; the sheet goes to the next free name.
   */
  readonly neverReuse?: boolean;
}

export interface SheetPlan {
  readonly requested: string;
  /** The name it is written under. */
  readonly name: string;
  /** The SIZER-owned sheet to clear and rewrite, or null to add a new sheet. */
  readonly reuse: Excel.Worksheet | null;
  /** A table name free in the workbook, or null when the request has no table. */
  readonly tableName: string | null;
}

interface ExistingSheet {
  readonly sheet: Excel.Worksheet;
  marker: Excel.NamedItem | null;
  property: Excel.WorksheetCustomProperty | null;
}

/**
 * A sheet is SIZER's only when it carries both marks. Visibility is never read: Excel on Windows can
 * ignore `visible = false` on a name (office-js issues #3878 and #3949), so the name may be visible,
 * and a user who sees it in the Name Manager may delete it, or add one of that name to a sheet of
 * their own. The custom property is the second record (not shown in the Name Manager nor in cells);
 * a sheet with only one of the two is treated as the user's and never overwritten.
 */
function isOwned(entry: ExistingSheet | undefined): boolean {
  if (!entry?.marker || !entry.property) return false;
  return !entry.marker.isNullObject && !entry.property.isNullObject && entry.property.value === OWNER_PROPERTY_VALUE;
}

/** The candidate names for a model, in order: "Name", "Name (2)", ... up to the first that does not exist. */
function candidateNames(base: string, existing: ReadonlyMap<string, ExistingSheet>): string[] {
  const names: string[] = [];
  for (let n = 1; ; n++) {
    const name = freeSheetName(base, new Set(), n);
    names.push(name);
    if (!existing.has(name.toLowerCase())) return names;
  }
}

/** Reads what is in the workbook and decides where each sheet goes (one sync, two when a name is taken). */
export async function planSheets(context: Excel.RequestContext, requests: readonly SheetRequest[]): Promise<SheetPlan[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();

  const existing = new Map<string, ExistingSheet>(worksheets.items.map((sheet) => [sheet.name.toLowerCase(), { sheet, marker: null, property: null }]));
  const toCheck = new Set<string>();
  /** Sheets a request may rewrite (a neverReuse request rewrites none). */
  const rewritable = new Set<string>();
  for (const request of requests) {
    for (const name of candidateNames(request.name, existing)) {
      if (!existing.has(name.toLowerCase())) continue;
      toCheck.add(name.toLowerCase());
      if (!request.neverReuse) rewritable.add(name.toLowerCase());
    }
  }
  for (const key of toCheck) {
    const entry = existing.get(key)!;
    entry.marker = entry.sheet.names.getItemOrNullObject(OWNER_MARK);
    entry.marker.load('name');
    entry.property = entry.sheet.customProperties.getItemOrNullObject(OWNER_MARK);
    entry.property.load('value');
    entry.sheet.tables.load('items/name');
    entry.sheet.charts.load('items/name');
    entry.sheet.names.load('items/name');
  }
  if (toCheck.size > 0) await context.sync();

  const owned = (key: string): boolean => isOwned(existing.get(key));
  const takenTables = new Set(tables.items.map((t) => t.name.toLowerCase()));
  // Tables on SIZER-owned sheets are deleted before those sheets are rewritten, so their names come free.
  for (const key of toCheck) if (owned(key) && rewritable.has(key)) for (const t of existing.get(key)!.sheet.tables.items) takenTables.delete(t.name.toLowerCase());

  const claimed = new Set<string>();
  const plans: SheetPlan[] = [];
  for (const request of requests) {
    let name = '';
    let reuse: Excel.Worksheet | null = null;
    for (const candidate of candidateNames(request.name, existing)) {
      const key = candidate.toLowerCase();
      if (claimed.has(key)) continue;
      const entry = existing.get(key);
      if (!entry) {
        name = candidate;
        break;
      }
      if (owned(key) && !request.neverReuse) {
        name = candidate;
        reuse = entry.sheet;
        break;
      }
    }
    if (name === '') {
      // Every candidate was claimed by an earlier model of this same write: take the next free name.
      name = freeSheetName(request.name, new Set([...existing.keys(), ...claimed]));
    }
    claimed.add(name.toLowerCase());
    const tableName = request.tableName === null ? null : freeTableName(request.tableName, takenTables);
    if (tableName !== null) takenTables.add(tableName.toLowerCase());
    plans.push({ requested: cleanSheetName(request.name), name, reuse, tableName });
  }
  return plans;
}

/** Clears a SIZER-owned sheet (its tables, charts, names, cells, formats; the marks stay) or adds and marks a new one. */
export function prepareSheet(context: Excel.RequestContext, plan: SheetPlan): Excel.Worksheet {
  if (plan.reuse) {
    const sheet = plan.reuse;
    for (const table of sheet.tables.items) table.delete();
    for (const chart of sheet.charts.items) chart.delete();
    // Names SIZER added there before (the procurement model's inputs); the mark stays.
    for (const name of sheet.names.items) if (name.name !== OWNER_MARK) name.delete();
    sheet.freezePanes.unfreeze();
    const all = sheet.getRange();
    all.clear('All' as Excel.ClearApplyTo);
    all.dataValidation.clear();
    return sheet;
  }
  const sheet = context.workbook.worksheets.add(plan.name);
  const marker = sheet.names.add(OWNER_MARK, OWNER_MARK_FORMULA, 'Marks a sheet written by SIZER for Excel; SIZER rewrites only sheets with this name and the SIZER_OWNED custom property.');
  // Hidden in the same batch as add(): the case #3878 reports as working, where hiding an existing name does not.
  marker.visible = false;
  sheet.customProperties.add(OWNER_MARK, OWNER_PROPERTY_VALUE);
  return sheet;
}

/** Title and notes in column A, below the table: one numberFormat and one values assignment. */
function writeTitleBlock(sheet: Excel.Worksheet, model: SheetModel): void {
  const layout = sheetLayout(model);
  const lines: CellValue[] = [model.title, ...model.notes];
  const range = sheet.getRangeByIndexes(layout.titleRow, 0, lines.length, 1);
  range.numberFormat = lines.map((line) => [cellFormat(line, HEADER_FORMAT)]);
  range.values = lines.map((line) => [toExcelValue(line)]);
  const title = sheet.getRangeByIndexes(layout.titleRow, 0, 1, 1);
  title.format.font.bold = true;
  title.format.font.size = 14;
  if (model.notes.length > 0) sheet.getRangeByIndexes(layout.firstNoteRow, 0, model.notes.length, 1).format.font.color = '#595959';
}

/** Table rows [from, to) of the model as sheet rows; row -1 stands for the header. */
interface TableBlock {
  readonly first: number;
  readonly end: number;
}

/** Splits header + data rows into blocks of at most MAX_CELLS_PER_SYNC cells (at least one block). */
export function tableBlocks(model: SheetModel): TableBlock[] {
  const width = Math.max(1, model.columns.length);
  const rowsPerBlock = Math.max(1, Math.floor(MAX_CELLS_PER_SYNC / width));
  const blocks: TableBlock[] = [];
  // Row -1 is the header row, written with the first block.
  for (let first = -1; first < model.rows.length; first += rowsPerBlock) {
    blocks.push({ first, end: Math.min(model.rows.length, first + rowsPerBlock) });
  }
  return blocks;
}

function writeTableBlock(sheet: Excel.Worksheet, model: SheetModel, block: TableBlock): number {
  const layout = sheetLayout(model);
  const formats: string[][] = [];
  const values: (string | number | boolean)[][] = [];
  for (let r = block.first; r < block.end; r++) {
    if (r < 0) {
      formats.push(model.columns.map((c) => cellFormat(columnHeader(c), HEADER_FORMAT)));
      values.push(model.columns.map((c) => toExcelValue(columnHeader(c))));
    } else {
      const row = model.rows[r]!;
      formats.push(model.columns.map((c, i) => cellFormat(row[i] ?? null, c.numberFormat)));
      values.push(model.columns.map((_, i) => toExcelValue(row[i] ?? null)));
    }
  }
  if (values.length === 0 || model.columns.length === 0) return 0;
  const range = sheet.getRangeByIndexes(layout.firstDataRow + block.first, 0, values.length, model.columns.length);
  range.numberFormat = formats;
  range.values = values;
  return values.length * model.columns.length;
}

/** The totals row: the label, then SUM formulas over the data rows of the summed columns. */
function writeTotals(sheet: Excel.Worksheet, model: SheetModel): void {
  const layout = sheetLayout(model);
  if (!model.totals || layout.totalsRow === null || model.columns.length === 0) return;
  const sums = new Set(model.totals.sumColumns);
  const hasRows = model.rows.length > 0;
  const formulas = model.columns.map((c, i) => {
    if (sums.has(c.key)) {
      const letter = columnLetter(i);
      return hasRows ? `=SUM(${letter}${layout.firstDataRow + 1}:${letter}${layout.lastDataRow + 1})` : 0;
    }
    return i === 0 ? model.totals!.label : '';
  });
  const range = sheet.getRangeByIndexes(layout.totalsRow, 0, 1, model.columns.length);
  range.numberFormat = [model.columns.map((c, i) => (sums.has(c.key) ? c.numberFormat : cellFormat(formulas[i] as CellValue, HEADER_FORMAT)))];
  range.formulas = [formulas];
  range.format.font.bold = true;
}

function dataRange(sheet: Excel.Worksheet, model: SheetModel, column: number): Excel.Range {
  const layout = sheetLayout(model);
  return sheet.getRangeByIndexes(layout.firstDataRow, column, model.rows.length, 1);
}

/** Table, frozen header, widths, badge colours and charts. */
function addStructure(sheet: Excel.Worksheet, model: SheetModel, plan: SheetPlan): void {
  const layout = sheetLayout(model);
  const lastColumn = model.columns.length - 1;
  if (lastColumn < 0) return;
  if (model.rows.length > 0) {
    const table = sheet.tables.add(rangeAddress(layout.headerRow, 0, layout.lastDataRow, lastColumn), true);
    if (plan.tableName !== null) table.name = plan.tableName;
    table.style = TABLE_STYLE;
  } else {
    sheet.getRangeByIndexes(layout.headerRow, 0, 1, model.columns.length).format.font.bold = true;
  }
  sheet.freezePanes.freezeRows(layout.frozenRows);
  model.columns.forEach((column, i) => {
    const letter = columnLetter(i);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(column.width);
  });

  if (model.rows.length > 0) {
    for (const badge of model.badges) {
      const column = model.columns.findIndex((c) => c.key === badge.column);
      if (column < 0) continue;
      const format = dataRange(sheet, model, column).conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
      format.cellValue.format.fill.color = badge.fill;
      format.cellValue.format.font.color = badge.fontColor;
      format.cellValue.rule = { formula1: `="${badge.equals.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    }
    writeChartHelpers(sheet, model);
    for (const chart of resolveCharts(model)) addChart(sheet, model, chart);
  }
  applyPageLayout(sheet, model);
}

/** The constant cells the threshold lines plot, beside the table (the same cells the CLI writes). */
function writeChartHelpers(sheet: Excel.Worksheet, model: SheetModel): void {
  const layout = sheetLayout(model);
  for (const helper of chartHelperColumns(model)) {
    const range = sheet.getRangeByIndexes(layout.headerRow, helper.column, model.rows.length + 1, 1);
    range.values = [[helper.header], ...model.rows.map(() => [helper.value])];
    sheet.getRangeByIndexes(layout.headerRow, helper.column, 1, 1).format.font.color = '#595959';
  }
}

/**
 * One series' look, as the chart kind allows it (ChartSeries, ExcelApi 1.1-1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.chartseries): bars and columns take a fill
 * (format.fill.setSolidColor), lines a line colour and style (format.line.color, format.line.lineStyle
 * 1.7) and marker colours (markerBackgroundColor / markerForegroundColor / markerStyle, 1.7); a
 * threshold over columns becomes a line series of the same chart (chartType "Line", 1.7: a combo
 * chart); series on the right go to the secondary axis group (axisGroup, 1.8).
 */
function styleSeries(series: Excel.ChartSeries, resolved: ResolvedSeries, chart: ResolvedChart): void {
  const barLike = chart.spec.kind === 'column' || chart.spec.kind === 'bar';
  if (resolved.threshold && barLike) series.chartType = 'Line' as Excel.ChartType;
  if (resolved.axis === 'secondary') series.axisGroup = 'Secondary' as Excel.ChartAxisGroup;
  const asLine = resolved.threshold || !barLike;
  if (asLine) {
    if (resolved.color) series.format.line.color = resolved.color;
    if (resolved.dashed) series.format.line.lineStyle = 'Dash' as Excel.ChartLineStyle;
    if (resolved.threshold) series.markerStyle = 'None' as Excel.ChartMarkerStyle;
    else if (resolved.color) {
      series.markerBackgroundColor = resolved.color;
      series.markerForegroundColor = resolved.color;
    }
  } else if (resolved.color) {
    series.format.fill.setSolidColor(resolved.color);
  }
}

/**
 * One chart from its resolved plan (src/report/charts.ts): created from its first series' cells, the
 * others added with setValues (ExcelApi 1.7), every series given the category cells as x values
 * (setXAxisValues, 1.7); the highlighted point filled in the accent colour (ChartPoint.format.fill,
 * 1.1); the secondary value axis titled and bounded (ChartAxes.getItem("Value", "Secondary"), 1.7;
 * ChartAxis.maximum); a log x axis (ChartAxis.scaleType "Logarithmic" and logBase, 1.7,
 * https://learn.microsoft.com/javascript/api/excel/excel.chartaxis). A threshold across horizontal
 * bars would run the wrong way, so bar charts take none (as in the CLI's chart parts).
 */
function addChart(sheet: Excel.Worksheet, model: SheetModel, chart: ResolvedChart): void {
  const spec = chart.spec;
  const rows = model.rows.length;
  const plotted = chart.series.filter((s) => !(s.threshold && spec.kind === 'bar'));
  const first = plotted[0]!;
  const column = (index: number): Excel.Range => sheet.getRangeByIndexes(chart.firstRow, index, rows, 1);
  const categories = column(chart.categoryColumn);
  const types = CHART_TYPES[spec.kind];
  const excelChart = sheet.charts.add(spec.stacked ? types.stacked : types.clustered, column(first.column), 'Columns' as Excel.ChartSeriesBy);
  excelChart.title.text = spec.title;
  excelChart.axes.categoryAxis.title.text = spec.xAxisTitle;
  excelChart.axes.valueAxis.title.text = spec.yAxisTitle;
  plotted.forEach((resolved, i) => {
    const series = i === 0 ? excelChart.series.getItemAt(0) : excelChart.series.add(resolved.name);
    if (i === 0) series.name = resolved.name;
    else series.setValues(column(resolved.column));
    series.setXAxisValues(categories);
    styleSeries(series, resolved, chart);
    if (!resolved.threshold && chart.highlightPoint !== null && (spec.kind === 'column' || spec.kind === 'bar')) {
      series.points.getItemAt(chart.highlightPoint).format.fill.setSolidColor(chart.highlightColor);
    }
  });
  if (plotted.some((s) => s.axis === 'secondary')) {
    const secondary = excelChart.axes.getItem('Value' as Excel.ChartAxisType, 'Secondary' as Excel.ChartAxisGroup);
    secondary.title.text = spec.secondaryAxisTitle ?? '';
    if (spec.secondaryAxisMax !== undefined) secondary.maximum = spec.secondaryAxisMax;
  }
  if (spec.xAxisLogBase !== undefined && spec.kind === 'scatter') {
    excelChart.axes.categoryAxis.scaleType = 'Logarithmic' as Excel.ChartAxisScaleType;
    excelChart.axes.categoryAxis.logBase = spec.xAxisLogBase;
  }
  excelChart.setPosition(cellAddress(chart.from.row, chart.from.col), cellAddress(chart.to.row, chart.to.col));
}

/** Before the first write batch of an action, and only then (see the header comment). */
export function suspendScreenUpdating(context: Excel.RequestContext): void {
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** Before each write batch whose interim recalculation is not needed; the action ends with finishAction. */
export function suspendCalculation(context: Excel.RequestContext): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
}

/**
 * The last batch of every action, not suspended: activate a sheet, select a range on it, and ask for
 * the recalculation owed. The sheet is activated before anything on it is selected: Range.select()
 * is reported to work only on the active sheet (office-js issue #5118: "The only time it seems to
 * consistently work is if the range that `select()` is called on is in the active sheet").
 */
export async function finishAction(context: Excel.RequestContext, activate: Excel.Worksheet | null, select?: Excel.Range): Promise<void> {
  activate?.activate();
  select?.select();
  context.workbook.application.calculate('Recalculate' as Excel.CalculationType); // Excel.CalculationType.recalculate
  await context.sync();
}

/** The number of table cells a model writes (for progress). */
function tableCells(model: SheetModel): number {
  return (model.rows.length + 1) * model.columns.length;
}

/** Writes the models in order and activates the first; resolves to where each one went. */
export async function writeSheetModels(run: ExcelRun, models: readonly SheetModel[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
  if (models.length === 0) return [];
  return run(RUN_OPTIONS, async (context) => {
    const plans = await planSheets(context, models);
    const total = models.reduce((sum, model) => sum + tableCells(model), 0);
    let done = 0;
    let first: Excel.Worksheet | null = null;
    suspendScreenUpdating(context);
    for (const [p, plan] of plans.entries()) {
      const model = models[p]!;
      const blocks = tableBlocks(model);
      let sheet: Excel.Worksheet | null = null;
      for (const [b, block] of blocks.entries()) {
        suspendCalculation(context);
        if (!sheet) {
          sheet = prepareSheet(context, plan);
          first ??= sheet;
        }
        done += writeTableBlock(sheet, model, block);
        if (b === blocks.length - 1) {
          writeTotals(sheet, model);
          writeTitleBlock(sheet, model);
          addStructure(sheet, model, plan);
        }
        await context.sync();
        options.onProgress?.({ done, total, sheet: plan.name });
      }
    }
    await finishAction(context, first);
    return plans.map((plan) => ({ requested: plan.requested, written: plan.name, replaced: plan.reuse !== null }));
  });
}
