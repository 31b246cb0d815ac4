/**
 * "Insert procurement comparison": a sheet that tries the buyer's deployment on every tier with live
 * formulas. Named requirement inputs (Sites, Cameras, TargetFps, Pipeline, ..., UnitPrice,
 * PricePerKwh, Years, HoursPerDay) feed a requirements table and a prices table in SIZER.PLAN's
 * layout (src/report/plan-table.ts), one =SIZER.PLAN(Requirements, , Prices) spills a row per tier,
 * a chart plots capex and TCO by tier (feasible tiers as their own series, the cheapest as a third,
 * refused tiers labelled "not feasible"), and a sensitivity block prices the cheapest tier's TCO
 * against the electricity price and the unit price. Every number is a formula over the inputs, so
 * changing one recalculates the sheet. docs/decisions/0027-procurement-plan.md has the plan's rules.
 *
 * comparisonLayout is pure (what goes where, as formulas); writeProcurementComparison applies it
 * with the writer's planning and ownership rules: plan, then the cells and names, then the chart,
 * the active sheet and selection, and the closing recalculation request.
 */
import { type Catalog, PLAN_FIELDS } from '../../engine';
import { cellAddress, columnLetter, PLAN_REQUIREMENT_COLUMNS } from '../../report';
import type { WrittenSheet } from '../ports';
import type { ProcurementInputs } from './procurement';
import { basisArgumentTail, cellFormat, columnWidthPoints } from './cells';
import { writeNamedInputs, writeSheetHead } from './input-block';
import { type ExcelRun, finishAction, planSheets, prepareSheet, RUN_OPTIONS, suspendScreenUpdating } from './writer';

export const COMPARISON_SHEET = 'Procurement comparison';

/** Starting values of the requirement inputs (the pane fills them from its configuration). */
export interface ComparisonInputs
  extends Pick<ProcurementInputs, 'pipeline' | 'resolution' | 'cameras' | 'targetFps' | 'model' | 'quant' | 'workload' | 'queriesPerMinute' | 'answerKind' | 'unitPrice' | 'basis' | 'basisNote'> {
  readonly sites: number;
  readonly pricePerKwh: number;
  readonly years: number;
  readonly hoursPerDay: number;
}

/** A starting electricity price the buyer overwrites (the catalog holds no prices). */
export const STARTING_PRICE_PER_KWH = 0.3;

/** The comparison's starting inputs: the procurement model's, with the range table's defaults for sites, years and hours. */
export function comparisonInputsFrom(p: ProcurementInputs, catalog: Catalog): ComparisonInputs {
  const r = catalog.inputRanges;
  return {
    sites: r.sites.default ?? 1,
    pipeline: p.pipeline,
    resolution: p.resolution,
    cameras: p.cameras,
    targetFps: p.targetFps,
    model: p.model,
    quant: p.quant,
    workload: p.workload,
    queriesPerMinute: p.queriesPerMinute,
    answerKind: p.answerKind,
    unitPrice: p.unitPrice,
    basis: p.basis ?? null,
    basisNote: p.basisNote ?? null,
    pricePerKwh: STARTING_PRICE_PER_KWH,
    years: r.years.default ?? 1,
    hoursPerDay: r.hoursPerDay.default ?? 24,
  };
}

export interface ComparisonInputCell {
  readonly name: string;
  readonly label: string;
  readonly value: string | number;
  readonly numberFormat: string;
  readonly meaning: string;
}

/** A block of cells from a top-left corner: values, or formulas where a cell starts with "=". */
export interface ComparisonBlock {
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly (string | number)[])[];
  readonly numberFormat: string;
  /** A sheet-scoped name over the whole block (Requirements, Prices), or over each cell of column B. */
  readonly name?: string;
}

export interface ComparisonLayout {
  readonly sheetName: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly inputsHeaderRow: number;
  readonly inputs: readonly ComparisonInputCell[];
  readonly requirements: ComparisonBlock;
  readonly prices: ComparisonBlock;
  /** The SIZER.PLAN formula's cell and the spill's size (one row per preset tier under a header). */
  readonly plan: { readonly row: number; readonly col: number; readonly formula: string; readonly rows: number; readonly columns: number };
  readonly chartData: ComparisonBlock;
  readonly chart: { readonly title: string; readonly seriesNames: readonly string[] };
  /** Named helper cells (label, formula, name) and the grid of TCO formulas. */
  readonly sensitivityHelpers: readonly { readonly row: number; readonly label: string; readonly formula: string; readonly name: string; readonly numberFormat: string }[];
  readonly sensitivity: ComparisonBlock;
  /** Labels of the sections, by row. */
  readonly labels: readonly { readonly row: number; readonly text: string }[];
}

/** Multipliers of the sensitivity block's axes around the current electricity and unit prices. */
export const SENSITIVITY_STEPS = [0.5, 0.75, 1, 1.25, 1.5] as const;
const WIDTHS = [36, 30, 18, 22, 14, 14];
const MONEY = '#,##0';

export function comparisonLayout(inputs: ComparisonInputs, catalog: Catalog): ComparisonLayout {
  const title = 'SIZER procurement comparison';
  const notes = [
    'Yellow cells are named requirement inputs. Everything below is a live formula: SIZER.PLAN tries the requirements on every preset tier (docs/decisions/0027-procurement-plan.md).',
    'Blank the kind cell of the llm row to plan cameras only. Prices are in any currency; TCO = capex + energy cost a year x years.',
    `See also the "Inputs" sheet (Insert procurement model) for one tier in detail.`,
    ...(inputs.basisNote ? [inputs.basisNote] : []),
  ];
  const r = catalog.inputRanges;
  const cell = (name: string, label: string, value: string | number, numberFormat: string, meaning: string): ComparisonInputCell => ({ name, label, value, numberFormat, meaning });
  const cells: ComparisonInputCell[] = [
    cell('Sites', 'Sites', inputs.sites, '0', `Sites, each with the same cameras and assistant (${r.sites.min} or more)`),
    cell('Pipeline', 'Vision pipeline', inputs.pipeline, 'General', 'Vision pipeline key (see SIZER.PIPELINES)'),
    cell('Resolution', 'Camera resolution', inputs.resolution, 'General', 'Camera resolution'),
    cell('Cameras', 'Cameras per site', inputs.cameras, '0', 'Cameras on each site'),
    cell('TargetFps', 'Target FPS per camera', inputs.targetFps, '0.0', 'Frames per second every camera needs'),
    cell('Model', 'LLM model', inputs.model, 'General', 'The assistant each site runs (see SIZER.MODELS)'),
    cell('Quant', 'Quant', inputs.quant, 'General', 'LLM quant'),
    cell('Workload', 'Workload pattern', inputs.workload, 'General', 'LLM workload pattern'),
    cell('QueriesPerMinute', 'LLM queries per minute per site', inputs.queriesPerMinute, '0.0', 'Queries the assistant answers on each site'),
    cell('AnswerKind', 'Answer length', inputs.answerKind, 'General', 'short or rag'),
    cell('UnitPrice', 'Unit price per device', inputs.unitPrice, MONEY, 'Your price for one device (every tier; add tier rows to the prices table for tier prices)'),
    cell('PricePerKwh', 'Electricity price per kWh', inputs.pricePerKwh, '0.00', 'In the same currency'),
    cell('Years', 'Years of operation', inputs.years, '0', 'For TCO'),
    cell('HoursPerDay', 'Hours a day', inputs.hoursPerDay, '0', 'Hours a day the devices run'),
  ];
  const inputsHeaderRow = notes.length + 2;
  const labels: { row: number; text: string }[] = [];

  let row = inputsHeaderRow + cells.length + 2;
  labels.push({ row, text: "Requirements (SIZER.PLAN's table: kind, name, option, amount, target, answer_kind)" });
  const requirements: ComparisonBlock = {
    row: row + 1,
    col: 0,
    name: 'Requirements',
    numberFormat: 'General',
    cells: [
      [...PLAN_REQUIREMENT_COLUMNS],
      ['vision', '=Pipeline', '=Resolution', '=Cameras', '=TargetFps', ''],
      ['llm', '=Model', '=Quant', '=QueriesPerMinute', '=Workload', '=AnswerKind'],
      ['sites', '', '', '=Sites', '', ''],
    ],
  };
  row = requirements.row + requirements.cells.length + 1;
  labels.push({ row, text: 'Prices (key, value; a tier name with its own unit price may be added as another row inside the named range)' });
  const prices: ComparisonBlock = {
    row: row + 1,
    col: 0,
    name: 'Prices',
    numberFormat: 'General',
    cells: [
      ['key', 'value'],
      ['unit_price', '=UnitPrice'],
      ['price_per_kwh', '=PricePerKwh'],
      ['years', '=Years'],
      ['hours_per_day', '=HoursPerDay'],
    ],
  };
  row = prices.row + prices.cells.length + 1;
  labels.push({ row, text: 'Plan: one row per tier (live SIZER.PLAN spill)' });
  const tiers = catalog.tiers.length;
  const plan = { row: row + 1, col: 0, formula: `=SIZER.PLAN(Requirements, , Prices${basisArgumentTail(inputs.basis, 1)})`, rows: tiers + 1, columns: PLAN_FIELDS.length };

  // Chart data: one row per tier, read from the spill's cells (a plain reference works in every host).
  const at = (field: (typeof PLAN_FIELDS)[number], tier: number): string => `$${columnLetter(PLAN_FIELDS.indexOf(field))}$${plan.row + 1 + tier + 1}`;
  row = plan.row + plan.rows + 1;
  labels.push({ row, text: 'Chart data: capex and TCO of the feasible tiers, the cheapest on its own' });
  const seriesNames = ['Capex (feasible)', 'TCO (feasible)', 'TCO (cheapest)'];
  const chartData: ComparisonBlock = {
    row: row + 1,
    col: 0,
    numberFormat: MONEY,
    cells: [
      ['Tier', ...seriesNames],
      ...Array.from({ length: tiers }, (_, i) => [
        `=IF(${at('feasible', i)}, ${at('tier', i)}, ${at('tier', i)}&" (not feasible)")`,
        `=IF(AND(${at('feasible', i)}, ${at('capex', i)}<>""), ${at('capex', i)}, NA())`,
        `=IF(AND(${at('feasible', i)}, ${at('tco', i)}<>""), ${at('tco', i)}, NA())`,
        `=IF(${at('verdict', i)}="cheapest", ${at('tco', i)}, NA())`,
      ]),
    ],
  };

  row = chartData.row + chartData.cells.length + 1;
  labels.push({ row, text: 'Sensitivity: TCO of the cheapest feasible tier against the electricity price (down) and the unit price (across)' });
  const column = (field: (typeof PLAN_FIELDS)[number]): string => {
    const letter = columnLetter(PLAN_FIELDS.indexOf(field));
    return `$${letter}$${plan.row + 2}:$${letter}$${plan.row + 1 + tiers}`;
  };
  const helpers = [
    { label: 'Cheapest feasible tier', name: 'CheapestTier', formula: `=INDEX(${column('tier')}, MATCH("cheapest", ${column('verdict')}, 0))`, numberFormat: 'General' },
    { label: 'Its devices in total', name: 'CheapestDevices', formula: `=INDEX(${column('total_devices')}, MATCH("cheapest", ${column('verdict')}, 0))`, numberFormat: '0' },
    { label: 'Its energy a year (kWh)', name: 'CheapestKwh', formula: `=INDEX(${column('energy_kwh_per_year')}, MATCH("cheapest", ${column('verdict')}, 0))`, numberFormat: MONEY },
  ].map((h, i) => ({ ...h, row: row + 1 + i }));
  const gridRow = row + 1 + helpers.length + 1;
  const sensitivity: ComparisonBlock = {
    row: gridRow,
    col: 0,
    numberFormat: MONEY,
    cells: [
      ['kWh price \\ unit price', ...SENSITIVITY_STEPS.map((s) => `=UnitPrice*${s}`)],
      ...SENSITIVITY_STEPS.map((s, i) => [
        `=PricePerKwh*${s}`,
        ...SENSITIVITY_STEPS.map((_, j) => `=CheapestDevices*${cellAddress(gridRow, j + 1).replace(/(\d+)$/, '$$$1')}+CheapestKwh*$A${gridRow + i + 2}*Years`),
      ]),
    ],
  };
  return { sheetName: COMPARISON_SHEET, title, notes, inputsHeaderRow, inputs: cells, requirements, prices, plan, chartData, chart: { title: 'Capex and TCO by tier', seriesNames }, sensitivityHelpers: helpers, sensitivity, labels };
}

function writeBlock(sheet: Excel.Worksheet, block: ComparisonBlock): Excel.Range {
  const range = sheet.getRangeByIndexes(block.row, block.col, block.cells.length, block.cells[0]!.length);
  range.numberFormat = block.cells.map((r, i) => r.map((v) => (i === 0 ? 'General' : typeof v === 'string' && !v.startsWith('=') ? cellFormat(v, 'General') : block.numberFormat)));
  range.formulas = block.cells.map((r) => [...r]);
  sheet.getRangeByIndexes(block.row, block.col, 1, block.cells[0]!.length).format.font.bold = true;
  return range;
}

/** Writes the comparison sheet: planning syncs, the cells and names, then the chart (see the header comment). */
export async function writeProcurementComparison(run: ExcelRun, inputs: ComparisonInputs, catalog: Catalog): Promise<WrittenSheet> {
  const layout = comparisonLayout(inputs, catalog);
  return run(RUN_OPTIONS, async (context) => {
    const [plan] = await planSheets(context, [{ name: layout.sheetName, tableName: null }]);
    suspendScreenUpdating(context);
    const sheet = prepareSheet(context, plan!);

    writeSheetHead(sheet, layout.title, layout.notes);
    // Named inputs: label, value, name, meaning.
    writeNamedInputs(sheet, layout.inputsHeaderRow, 'Requirement', layout.inputs);

    for (const label of layout.labels) {
      const range = sheet.getRangeByIndexes(label.row, 0, 1, 1);
      range.numberFormat = [[cellFormat(label.text, 'General')]];
      range.values = [[label.text]];
      range.format.font.bold = true;
    }
    for (const block of [layout.requirements, layout.prices]) {
      const range = writeBlock(sheet, block);
      if (block.name) sheet.names.add(block.name, range, `SIZER.PLAN's ${block.name.toLowerCase()} table`);
    }
    // Helper names come before the formulas that use them.
    for (const h of layout.sensitivityHelpers) {
      const range = sheet.getRangeByIndexes(h.row, 0, 1, 3);
      range.numberFormat = [['General', h.numberFormat, 'General']];
      range.formulas = [[h.label, h.formula, h.name]];
      sheet.names.add(h.name, sheet.getRangeByIndexes(h.row, 1, 1, 1), h.label);
    }
    const planCell = sheet.getRangeByIndexes(layout.plan.row, layout.plan.col, 1, 1);
    planCell.formulas = [[layout.plan.formula]];
    writeBlock(sheet, layout.chartData);
    writeBlock(sheet, layout.sensitivity);

    WIDTHS.forEach((width, i) => {
      const letter = columnLetter(i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
    });

    // The chart: categories are the tier labels, one series per value column of the chart data.
    const rows = layout.chartData.cells.length - 1;
    const values = (col: number) => sheet.getRangeByIndexes(layout.chartData.row + 1, col, rows, 1);
    const chart = sheet.charts.add('ColumnClustered' as Excel.ChartType, values(1), 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = layout.chart.title;
    chart.axes.categoryAxis.title.text = 'Tier';
    chart.axes.valueAxis.title.text = 'Cost';
    layout.chart.seriesNames.forEach((name, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(name);
      if (i === 0) series.name = name;
      else series.setValues(values(i + 1));
      series.setXAxisValues(values(0));
    });
    const top = layout.inputsHeaderRow;
    chart.setPosition(cellAddress(top, 5), cellAddress(top + 18, 12));
    await finishAction(context, sheet, sheet.getRange(cellAddress(layout.inputsHeaderRow + 1, 1)));
    return { requested: plan!.requested, written: plan!.name, replaced: plan!.reuse !== null };
  });
}
