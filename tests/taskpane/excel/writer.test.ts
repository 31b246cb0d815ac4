/**
 * The workbook writer against the recording fake of Office.js: for each pane action, which sheets,
 * ranges, values, formats, tables, charts and how many syncs; the never-overwrite rule (also where
 * Excel ignores a name's visibility); formula-like text kept as text; suspension and recalculation as
 * Excel documents them; writes that wait while the user edits a cell. The fake's rules and what each
 * rests on are listed in fake-office.ts.
 */
import { columnLetter, defaultConfig, sheetLayout, type SheetModel, type SizingConfig } from '../../../src/report';
import {
  buildCrossModelSheet,
  buildCrossTierSheets,
  buildDutyCurveSheet,
  buildKpiSheet,
  buildMatrixSheet,
  buildStreamScalingSheet,
  buildThisConfigSheet,
  buildContextCurveSheet,
  buildWorkbook,
} from '../../../src/report';
import { columnWidthPoints } from '../../../src/taskpane/excel/cells';
import { type ExcelRun, MAX_CELLS_PER_SYNC, OWNER_MARK, OWNER_PROPERTY_VALUE, tableBlocks, TABLE_STYLE, writeSheetModels } from '../../../src/taskpane/excel/writer';
import type { WriteProgress } from '../../../src/taskpane/ports';
import { testEngine } from '../../helpers/engine';
import { type Batch, type CellState, fakeExcelRun, FakeWorkbookState, type SheetState } from './fake-office';

const engine = testEngine();
const config: SizingConfig = defaultConfig(engine.catalog);

function setup(): { state: FakeWorkbookState; run: ExcelRun } {
  const state = new FakeWorkbookState();
  return { state, run: fakeExcelRun(state) as unknown as ExcelRun };
}

function cell(sheet: SheetState | undefined, address: string): CellState {
  const found = sheet?.cells.get(address);
  if (!found) throw new Error(`no cell ${address} on ${sheet?.name}`);
  return found;
}

/** A tiny stand-in model with every feature: notes, badges, a chart and a totals row. */
function standIn(overrides: Partial<SheetModel> = {}): SheetModel {
  return {
    name: 'Stand-in',
    title: 'A stand-in sheet',
    notes: ['first note', 'second note'],
    tableName: 'SizerStandIn',
    columns: [
      { key: 'tier', header: 'Tier', kind: 'text', numberFormat: '@', width: 20 },
      { key: 'fps', header: 'FPS', kind: 'number', numberFormat: '0.00', width: 10, additive: true },
      { key: 'source', header: 'Source', kind: 'text', numberFormat: '@', width: 16 },
    ],
    rows: [
      ['NPU Mid', 12.5, 'measured'],
      ['NPU High', 20.25, 'cross_class'],
      ['RTX 5090', null, null],
    ],
    badges: [
      { column: 'source', equals: 'measured', fill: '#C6EFCE', fontColor: '#006100' },
      { column: 'source', equals: 'cross_class', fill: '#F8CBAD', fontColor: '#843C0C' },
    ],
    charts: [{ kind: 'column', title: 'FPS by tier', categoryColumn: 'tier', seriesColumns: ['fps'], xAxisTitle: 'Tier', yAxisTitle: 'FPS' }],
    totals: { label: 'Total', sumColumns: ['fps'] },
    ...overrides,
  };
}

/**
 * One action on a fresh workbook, as Excel documents its Application methods
 * (https://learn.microsoft.com/javascript/api/excel/excel.application): screen updating suspended
 * once ("Repeated calls will cause the Excel window to flicker"), for the first write batch only, as
 * the suspension lasts until the next sync; calculation suspended for every write batch, and the
 * last batch, not suspended, asks for the recalculation that leaves none owed ("Once set, it is the
 * developer's responsibility to re-calc the workbook"). Every Excel.run waits for cell edit.
 */
function expectDocumentedSuspension(state: FakeWorkbookState, planning: number): void {
  const writes: readonly Batch[] = state.batches.slice(planning, -1);
  const last = state.batches.at(-1)!;
  expect(writes.length).toBeGreaterThan(0);
  expect(state.screenSuspensions).toBe(1);
  expect(state.batches.map((b) => b.screenUpdatingSuspended)).toEqual(state.batches.map((_, i) => i === planning));
  for (const batch of writes) expect(batch.calculationSuspended).toBe(true);
  expect(last.calculationSuspended).toBe(false);
  expect(last.commands.at(-1)).toMatchObject({ op: 'application.calculate', value: 'Recalculate' });
  expect(state.calculations).toEqual(['Recalculate']);
  expect(state.calculationOwed).toBe(false);
  expect(state.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
}

describe('writeSheetModels: one sheet', () => {
  it('lays the model out: title and notes, header, rows, totals, table, frozen header, widths, badges, chart', async () => {
    const { state, run } = setup();
    const model = standIn();
    const written = await writeSheetModels(run, [model]);
    expect(written).toEqual([{ requested: 'Stand-in', written: 'Stand-in', replaced: false }]);

    const sheet = state.sheet('Stand-in')!;
    // Header row 1, data rows 2-4, totals row 5, blank row 6, title A7, notes A8:A9.
    expect(sheetLayout(model)).toMatchObject({ headerRow: 0, firstDataRow: 1, lastDataRow: 3, totalsRow: 4, titleRow: 6, firstNoteRow: 7, frozenRows: 1 });
    expect(['A1', 'B1', 'C1'].map((a) => cell(sheet, a).value)).toEqual(['Tier', 'FPS', 'Source']);
    expect(['A2', 'B2', 'C2'].map((a) => cell(sheet, a).value)).toEqual(['NPU Mid', 12.5, 'measured']);
    expect(['B4', 'C4'].map((a) => cell(sheet, a).value)).toEqual(['', '']);
    expect(cell(sheet, 'B2').numberFormat).toBe('0.00');
    expect(cell(sheet, 'A2').numberFormat).toBe('@');
    expect(cell(sheet, 'A5').value).toBe('Total');
    expect(cell(sheet, 'B5').formula).toBe('=SUM(B2:B4)');
    expect(sheet.cells.has('A6')).toBe(false);
    expect(cell(sheet, 'A7').value).toBe('A stand-in sheet');
    expect(cell(sheet, 'A9').value).toBe('second note');

    // Ownership: a hidden sheet-scoped name, and a worksheet custom property.
    expect(sheet.names).toEqual([expect.objectContaining({ name: OWNER_MARK, visible: false })]);
    expect(sheet.customProperties).toEqual({ [OWNER_MARK]: OWNER_PROPERTY_VALUE });
    expect(sheet.tables).toEqual([{ name: 'SizerStandIn', sheet: 'Stand-in', address: 'A1:C4', hasHeaders: true, style: TABLE_STYLE }]);
    // Only the header row is frozen (freezeRows freezes from the top: the header is row 1).
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.columnWidths).toEqual({ A: columnWidthPoints(20), B: columnWidthPoints(10), C: columnWidthPoints(16) });
    expect(sheet.conditionalFormats).toEqual([
      { address: 'C2:C4', type: 'CellValue', fill: '#C6EFCE', fontColor: '#006100', rule: { formula1: '="measured"', operator: 'EqualTo' } },
      { address: 'C2:C4', type: 'CellValue', fill: '#F8CBAD', fontColor: '#843C0C', rule: { formula1: '="cross_class"', operator: 'EqualTo' } },
    ]);
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: 'ColumnClustered',
        title: 'FPS by tier',
        categoryAxisTitle: 'Tier',
        valueAxisTitle: 'FPS',
        series: [{ name: 'FPS', values: 'B2:B4', xValues: 'A2:A4' }],
        position: ['E1', 'M19'],
      }),
    ]);
    expect(state.active).toBe('Stand-in');
  });

  it('uses one sync to plan, one per sheet and one to finish, with one numberFormat then one values assignment per block', async () => {
    const { state, run } = setup();
    await writeSheetModels(run, [standIn()]);
    expect(state.syncs).toBe(3);
    expect(state.batches[0]!.commands).toEqual([]); // planning only reads
    expectDocumentedSuspension(state, 1);
    const writes = state.batches[1]!.commands.filter((c) => ['numberFormat', 'values', 'formulas'].includes(c.op)).map((c) => `${c.op} ${c.address}`);
    expect(writes).toEqual(['numberFormat A1:C4', 'values A1:C4', 'numberFormat A5:C5', 'formulas A5:C5', 'numberFormat A7:A9', 'values A7:A9']);
    // The finishing batch activates the sheet, then asks for the recalculation.
    expect(state.batches[2]!.commands.map((c) => c.op)).toEqual(['activate', 'application.calculate']);
  });

  it('keeps formula-like text as text with the "@" number format, set before the values', async () => {
    const { state, run } = setup();
    const model = standIn({
      title: '=HYPERLINK("http://example.invalid")',
      notes: ['+ a note that starts with a plus', '@mention', '-'],
      rows: [
        ['=SUM(A1:A9)', -5, '-'],
        ['+1', 3, '@source'],
        ['-12', 4, 'plain'],
      ],
      badges: [],
      charts: [],
    });
    await writeSheetModels(run, [model]);
    const sheet = state.sheet('Stand-in')!;
    const layout = sheetLayout(model);
    const title = layout.titleRow + 1;
    expect(cell(sheet, `A${title}`)).toEqual({ value: '=HYPERLINK("http://example.invalid")', formula: null, numberFormat: '@' });
    expect(cell(sheet, `A${title + 1}`)).toEqual({ value: '+ a note that starts with a plus', formula: null, numberFormat: '@' });
    expect(cell(sheet, `A${title + 2}`).value).toBe('@mention');
    expect(cell(sheet, `A${title + 3}`).value).toBe('-');
    const row = layout.firstDataRow + 1;
    expect(cell(sheet, `A${row}`)).toEqual({ value: '=SUM(A1:A9)', formula: null, numberFormat: '@' });
    expect(cell(sheet, `C${row}`)).toEqual({ value: '-', formula: null, numberFormat: '@' });
    expect(cell(sheet, `A${row + 1}`)).toEqual({ value: '+1', formula: null, numberFormat: '@' });
    expect(cell(sheet, `C${row + 1}`)).toEqual({ value: '@source', formula: null, numberFormat: '@' });
    expect(cell(sheet, `A${row + 2}`)).toEqual({ value: '-12', formula: null, numberFormat: '@' });
    // Numbers stay numbers in their column's format; ordinary text keeps its column format.
    expect(cell(sheet, `B${row}`)).toEqual({ value: -5, formula: null, numberFormat: '0.00' });
    expect(cell(sheet, `C${row + 2}`)).toEqual({ value: 'plain', formula: null, numberFormat: '@' });
    // No cell of the sheet became a formula except the totals row's SUM.
    const formulas = [...sheet.cells.entries()].filter(([, c]) => c.formula !== null).map(([a]) => a);
    expect(formulas).toEqual([`B${layout.totalsRow! + 1}`]);
  });

  it('would have turned the same text into formulas without the text format (the fake is faithful)', async () => {
    const { state, run } = setup();
    await run({}, async (context) => {
      const sheet = context.workbook.worksheets.add('Raw');
      sheet.getRange('A1:A2').values = [['=SUM(B1:B2)'], ['+1']];
      await context.sync();
    });
    expect(cell(state.sheet('Raw'), 'A1').formula).toBe('=SUM(B1:B2)');
    expect(cell(state.sheet('Raw'), 'A2').value).toBe(1);
  });
});

describe('writeSheetModels: never overwrites data it did not write', () => {
  it('writes to "KPI (2)" when a user sheet "KPI" exists, and leaves the user sheet alone', async () => {
    const { state, run } = setup();
    const user = state.addUserSheet('KPI', { A1: 'my notes', B2: 42 });
    const written = await writeSheetModels(run, [buildKpiSheet(engine, config, 'all')]);
    expect(written).toEqual([{ requested: 'KPI', written: 'KPI (2)', replaced: false }]);
    expect(user.cells.get('A1')!.value).toBe('my notes');
    expect(user.cells.get('B2')!.value).toBe(42);
    expect(user.cells.size).toBe(2);
    expect(user.names).toEqual([]);
    expect(state.sheet('KPI (2)')!.tables).toHaveLength(1);
    // Plan (names), check the marks (one more sync), then the sheet, then finish.
    expect(state.syncs).toBe(4);
    expectDocumentedSuspension(state, 2);
  });

  it('matches sheet names without case, as Excel does', async () => {
    const { state, run } = setup();
    state.addUserSheet('kpi', { A1: 'mine' });
    const written = await writeSheetModels(run, [buildKpiSheet(engine, config, 'this')]);
    expect(written[0]!.written).toBe('KPI (2)');
    expect(state.sheet('kpi')!.cells.get('A1')!.value).toBe('mine');
  });

  it('rewrites its own sheet in place on the next write: same sheet, one table, one chart, no stale cells', async () => {
    const { state, run } = setup();
    await writeSheetModels(run, [buildStreamScalingSheet(engine, config)]);
    const first = state.sheet('Stream scaling')!;
    first.cells.set('Z99', { value: 'stale', formula: null, numberFormat: 'General' });
    const again = await writeSheetModels(run, [buildStreamScalingSheet(engine, { ...config, vision: { ...config.vision, resolution: '4K' } })]);
    expect(again).toEqual([{ requested: 'Stream scaling', written: 'Stream scaling', replaced: true }]);
    expect(state.sheets.map((s) => s.name)).toEqual(['Stream scaling']);
    const sheet = state.sheet('Stream scaling')!;
    expect(sheet.cells.has('Z99')).toBe(false);
    expect(sheet.tables.map((t) => t.name)).toEqual(['SizerStreamScaling']);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.names.filter((n) => n.name === OWNER_MARK)).toHaveLength(1);
    expect(String(cell(sheet, `A${sheetLayout(buildStreamScalingSheet(engine, config)).titleRow + 1}`).value)).toContain('4K');
  });

  it('reuses "KPI (2)" that it wrote earlier while "KPI" still belongs to the user', async () => {
    const { state, run } = setup();
    state.addUserSheet('KPI', { A1: 'mine' });
    await writeSheetModels(run, [buildKpiSheet(engine, config, 'all')]);
    const second = await writeSheetModels(run, [buildKpiSheet(engine, config, 'this')]);
    expect(second).toEqual([{ requested: 'KPI', written: 'KPI (2)', replaced: true }]);
    expect(state.sheets.map((s) => s.name)).toEqual(['KPI', 'KPI (2)']);
  });

  it('gives the table a free name when a table of that name exists elsewhere', async () => {
    const { state, run } = setup();
    const user = state.addUserSheet('Mine');
    user.tables.push({ name: 'SizerKpi', sheet: 'Mine', address: 'A1:B3', hasHeaders: true, style: null });
    await writeSheetModels(run, [buildKpiSheet(engine, config, 'all')]);
    expect(state.sheet('KPI')!.tables.map((t) => t.name)).toEqual(['SizerKpi_2']);
    expect(user.tables.map((t) => t.name)).toEqual(['SizerKpi']);
  });
});

describe('writeSheetModels: each pane action', () => {
  it('This config: budget rows, a totals row summing the additive ss_* columns', async () => {
    const { state, run } = setup();
    const model = buildThisConfigSheet(engine, config);
    await writeSheetModels(run, [model]);
    const sheet = state.sheet('This config')!;
    const layout = sheetLayout(model);
    expect(model.rows.length).toBe(2); // vision and LLM on in the default config
    const sums = model.columns.map((c, i) => ({ c, i })).filter(({ c }) => model.totals!.sumColumns.includes(c.key));
    expect(sums.length).toBeGreaterThan(0);
    for (const { i } of sums) {
      const letter = columnLetter(i);
      expect(cell(sheet, `${letter}${layout.totalsRow! + 1}`).formula).toBe(`=SUM(${letter}${layout.firstDataRow + 1}:${letter}${layout.lastDataRow + 1})`);
    }
    // Columns that are not summed stay empty in the totals row.
    const plain = model.columns.findIndex((c, i) => i > 0 && !model.totals!.sumColumns.includes(c.key));
    expect(cell(sheet, `${columnLetter(plain)}${layout.totalsRow! + 1}`)).toMatchObject({ value: '', formula: null });
    expect(cell(sheet, `A${layout.totalsRow! + 1}`).value).toBe('Platform total');
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.charts).toHaveLength(0);
    expect(state.syncs).toBe(3);
    expectDocumentedSuspension(state, 1);
  });

  it('KPI sheet, all pipelines or this one: the rows and columns of the model', async () => {
    for (const scope of ['all', 'this'] as const) {
      const { state, run } = setup();
      const model = buildKpiSheet(engine, config, scope);
      await writeSheetModels(run, [model]);
      const sheet = state.sheet('KPI')!;
      const layout = sheetLayout(model);
      expect(sheet.tables[0]!.address).toBe(`A${layout.headerRow + 1}:${columnLetter(model.columns.length - 1)}${layout.lastDataRow + 1}`);
      expect(cell(sheet, `A${layout.firstDataRow + 1}`).value).toBe(model.rows[0]![0]);
      expect(state.syncs).toBe(3);
      if (scope === 'this') expect(model.rows).toHaveLength(1);
    }
  });

  it('Full matrix: the rows in blocks of at most MAX_CELLS_PER_SYNC cells, one sync each, with progress', async () => {
    const { state, run } = setup();
    const model = buildMatrixSheet(engine);
    expect(model.rows.length).toBeGreaterThan(2000);
    const blocks = tableBlocks(model);
    expect(blocks.length).toBe(Math.ceil((model.rows.length + 1) / Math.floor(MAX_CELLS_PER_SYNC / model.columns.length)));
    expect(blocks.length).toBeGreaterThan(1);
    const progress: WriteProgress[] = [];
    await writeSheetModels(run, [model], { onProgress: (p) => progress.push(p) });
    expect(state.syncs).toBe(1 + blocks.length + 1);
    expectDocumentedSuspension(state, 1);
    for (const batch of state.batches.slice(1, -1)) {
      const table = batch.commands.filter((c) => c.op === 'values' && (c.value as unknown[][])[0]?.length === model.columns.length);
      expect(table).toHaveLength(1);
      const grid = table[0]!.value as unknown[][];
      expect(grid.length * model.columns.length).toBeLessThanOrEqual(MAX_CELLS_PER_SYNC);
    }
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: (model.rows.length + 1) * model.columns.length, total: (model.rows.length + 1) * model.columns.length, sheet: 'Full matrix' });
    const sheet = state.sheet('Full matrix')!;
    const layout = sheetLayout(model);
    expect(sheet.tables[0]!.address).toMatch(new RegExp(`^A${layout.headerRow + 1}:[A-Z]+${layout.lastDataRow + 1}$`));
    expect(cell(sheet, `A${layout.lastDataRow + 1}`).value).toBe(model.rows.at(-1)![0]);
  });

  it('Cross-tier and cross-model: four sheets with badges and a chart each, one sync per sheet', async () => {
    const { state, run } = setup();
    const models = [...buildCrossTierSheets(engine, config), buildCrossModelSheet(engine, config)];
    const written = await writeSheetModels(run, models);
    expect(written.map((w) => w.written)).toEqual(['Cross-tier vision', 'Cross-tier LLM', 'Cross-tier VLA', 'Cross-model LLM']);
    expect(state.syncs).toBe(1 + 4 + 1);
    expectDocumentedSuspension(state, 1);
    for (const model of models) {
      const sheet = state.sheet(model.name)!;
      expect(sheet.charts).toHaveLength(1);
      expect(sheet.charts[0]!.title).toBe(model.charts[0]!.title);
      expect(sheet.conditionalFormats.length).toBe(model.badges.length);
      expect(sheet.tables[0]!.name).toBe(model.tableName);
    }
    expect(state.sheet('Cross-model LLM')!.charts[0]!.type).toBe('BarClustered');
    expect(state.active).toBe('Cross-tier vision');
  });

  it('Stream scaling + chart: per-stream FPS on the left axis, total FPS dashed on the secondary axis, the 30 FPS line from helper column H', async () => {
    const { state, run } = setup();
    await writeSheetModels(run, [buildStreamScalingSheet(engine, config)]);
    const sheet = state.sheet('Stream scaling')!;
    const chart = sheet.charts[0]!;
    // Columns A streams .. F fits, G empty, H the 30 FPS line; streams 1..16 in rows 2..17.
    expect(chart.type).toBe('LineMarkers');
    expect(chart.series).toEqual([
      { name: 'FPS per stream', values: 'C2:C17', xValues: 'A2:A17', lineColor: '#6366F1', markerBackgroundColor: '#6366F1', markerForegroundColor: '#6366F1' },
      { name: 'Total FPS', values: 'D2:D17', xValues: 'A2:A17', axisGroup: 'Secondary', lineColor: '#22C55E', lineStyle: 'Dash', markerBackgroundColor: '#22C55E', markerForegroundColor: '#22C55E' },
      { name: '30 FPS real-time', values: 'H2:H17', xValues: 'A2:A17', lineColor: '#93A1B5', lineStyle: 'Dash', markerStyle: 'None' },
    ]);
    expect(chart.secondaryValueAxis).toEqual({ title: 'Total system FPS' });
    expect([chart.categoryAxisTitle, chart.valueAxisTitle]).toEqual(['Concurrent streams', 'Per-stream FPS']);
    expect(cell(sheet, 'H1').value).toBe('30 FPS real-time');
    for (let r = 2; r <= 17; r++) expect(cell(sheet, `H${r}`).value).toBe(30);
    expect(sheet.cells.has('H18')).toBe(false);
    // The chart right of the helper column and one empty column: from J1.
    expect(chart.position?.[0]).toBe('J1');
  });

  it('Duty curve + chart: an XY chart, the duty cycle and the amber 80% line on a secondary axis capped at 1.2', async () => {
    const { state, run } = setup();
    await writeSheetModels(run, [buildDutyCurveSheet(engine, config)]);
    const chart = state.sheet('Duty curve')!.charts[0]!;
    // Columns A q/min, B duty, C vision FPS, D/E short duty and FPS, F/G RAG duty and FPS, H amber;
    // helpers J (30), K (15), L (0.8); 61 query rates (0 to 120 in steps of 2) in rows 2..62.
    expect(chart.type).toBe('XYScatterLines');
    expect(chart.series.map((s) => [s.name, s.values, s.xValues, s.axisGroup ?? 'Primary'])).toEqual([
      ['Vision FPS, short answers', 'E2:E62', 'A2:A62', 'Primary'],
      ['Vision FPS, RAG answers', 'G2:G62', 'A2:A62', 'Primary'],
      ['Duty cycle, short answers', 'D2:D62', 'A2:A62', 'Secondary'],
      ['Duty cycle, RAG answers', 'F2:F62', 'A2:A62', 'Secondary'],
      ['30 FPS real-time', 'J2:J62', 'A2:A62', 'Primary'],
      ['15 FPS surveillance', 'K2:K62', 'A2:A62', 'Primary'],
      ['80% duty (amber)', 'L2:L62', 'A2:A62', 'Secondary'],
    ]);
    expect(chart.series[6]!.lineColor).toBe('#F59E0B');
    expect(chart.secondaryValueAxis).toEqual({ title: 'LLM duty cycle', maximum: 1.2 });
    expect(chart.categoryAxisTitle).toBe('LLM queries per minute');
    expect(state.syncs).toBe(3);
  });

  it('Cross-tier vision + chart: neutral columns, the configured tier (NPU High, row 6) in #E1483A, the 30 and 15 FPS lines as line series', async () => {
    const { state, run } = setup();
    const [vision] = buildCrossTierSheets(engine, config);
    await writeSheetModels(run, [vision!]);
    const chart = state.sheet('Cross-tier vision')!.charts[0]!;
    // Columns A..L (D and E the FPS band, L the explanation), helpers N and O; six ladder tiers in rows 2..7, NPU High the fifth.
    expect(cell(state.sheet('Cross-tier vision'), 'A6').value).toBe('NPU High');
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.series).toEqual([
      { name: 'FPS per stream', values: 'C2:C7', xValues: 'A2:A7', fillColor: '#9AA7BD', pointFills: { 4: '#E1483A' } },
      { name: '30 FPS real-time', values: 'N2:N7', xValues: 'A2:A7', chartType: 'Line', lineColor: '#93A1B5', lineStyle: 'Dash', markerStyle: 'None' },
      { name: '15 FPS surveillance', values: 'O2:O7', xValues: 'A2:A7', chartType: 'Line', lineColor: '#F59E0B', lineStyle: 'Dash', markerStyle: 'None' },
    ]);
  });

  it('KPI + chart: horizontal stacked bars of the per-frame stages; context curve: a log x axis', async () => {
    const { state, run } = setup();
    await writeSheetModels(run, [buildKpiSheet(engine, config, 'all'), buildContextCurveSheet(engine, config)]);
    const kpi = state.sheet('KPI')!.charts[0]!;
    expect(kpi.type).toBe('BarStacked');
    expect(kpi.series.map((s) => s.name)).toEqual(['Ingest ms', 'YOLO ms', 'Seg ms']);
    const curve = state.sheet('Context curve')!.charts[0]!;
    expect(curve.type).toBe('XYScatterLines');
    expect(curve.categoryAxisScale).toEqual({ scaleType: 'Logarithmic', logBase: 10 });
  });

  it('Whole workbook: every sheet in order, blocks and syncs as planned, the first sheet active', async () => {
    const { state, run } = setup();
    const models = buildWorkbook(engine, config);
    const written = await writeSheetModels(run, models);
    expect(written.map((w) => w.written)).toEqual(models.map((m) => m.name));
    expect(state.sheets.map((s) => s.name)).toEqual(models.map((m) => m.name));
    expect(state.syncs).toBe(1 + models.reduce((n, m) => n + tableBlocks(m).length, 0) + 1);
    expectDocumentedSuspension(state, 1);
    for (const model of models) expect(state.sheet(model.name)!.frozenRows).toBe(1);
    expect(state.allTables()).toHaveLength(models.filter((m) => m.rows.length > 0).length);
    expect(state.active).toBe(models[0]!.name);
    expect(state.runs).toBe(1);
  });

  it('writes nothing (and does not start Excel.run) for no models', async () => {
    const { state, run } = setup();
    expect(await writeSheetModels(run, [])).toEqual([]);
    expect(state.runs).toBe(0);
  });
});

describe('writeSheetModels: ownership where Excel ignores a name\'s visibility (office-js #3878, #3949)', () => {
  it('still rewrites its own sheet in place when the mark stayed visible', async () => {
    const { state, run } = setup();
    state.ignoresNameVisibility = true;
    await writeSheetModels(run, [buildKpiSheet(engine, config, 'all')]);
    // Excel ignored visible = false: the mark shows in the Name Manager.
    expect(state.sheet('KPI')!.names).toEqual([expect.objectContaining({ name: OWNER_MARK, visible: true })]);
    const again = await writeSheetModels(run, [buildKpiSheet(engine, config, 'this')]);
    expect(again).toEqual([{ requested: 'KPI', written: 'KPI', replaced: true }]);
    expect(state.sheets.map((s) => s.name)).toEqual(['KPI']);
  });

  it('never treats a user sheet as its own on one mark alone: a visible name of that name, or the property without the name', async () => {
    const { state, run } = setup();
    // A user who saw the visible mark and gave a sheet of theirs a name like it...
    const named = state.addUserSheet('KPI', { A1: 'mine' });
    named.names.push({ name: OWNER_MARK, reference: '="SIZER for Excel"', comment: null, visible: true });
    // ...or a sheet that kept the property after its name was deleted in the Name Manager.
    const property = state.addUserSheet('KPI (2)', { A1: 'also mine' });
    property.customProperties[OWNER_MARK] = OWNER_PROPERTY_VALUE;
    const written = await writeSheetModels(run, [buildKpiSheet(engine, config, 'all')]);
    expect(written).toEqual([{ requested: 'KPI', written: 'KPI (3)', replaced: false }]);
    expect(named.cells.get('A1')!.value).toBe('mine');
    expect(named.cells.size).toBe(1);
    expect(property.cells.get('A1')!.value).toBe('also mine');
    expect(property.cells.size).toBe(1);
  });
});

describe('writeSheetModels: while the user is editing a cell', () => {
  it('waits (delayForCellEdit) and writes once the edit ends', async () => {
    const { state, run } = setup();
    state.startCellEdit();
    let done = false;
    const writing = writeSheetModels(run, [standIn()]).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    expect(state.syncs).toBe(0);
    state.endCellEdit();
    await writing;
    expect(state.sheet('Stand-in')).toBeDefined();
    expect(state.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it('the fake fails a run that did not ask to wait, as Excel does ("Batch fails (InvalidOperation error)")', async () => {
    const { state, run } = setup();
    state.startCellEdit();
    await expect(run({}, async () => undefined)).rejects.toThrow(/InvalidOperation/);
    state.endCellEdit();
  });
});

describe('the Office.js fake is at least as strict as Excel', () => {
  it('a suspension lasts until the next sync only', async () => {
    const { state, run } = setup();
    await run({}, async (context) => {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.add('One');
      await context.sync();
      context.workbook.worksheets.add('Two');
      await context.sync();
    });
    expect(state.batches.map((b) => [b.screenUpdatingSuspended, b.calculationSuspended])).toEqual([
      [true, true],
      [false, false],
    ]);
    // Calculation was suspended for a batch that wrote, and nobody asked for a recalculation.
    expect(state.calculationOwed).toBe(true);
  });

  it('a recalculation asked for inside a suspended batch does not count', async () => {
    const { state, run } = setup();
    await run({}, async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.add('One');
      context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
      await context.sync();
    });
    expect(state.calculationOwed).toBe(true);
    expect(state.calculations).toEqual([]);
  });

  it('select() fails on a sheet that is not active, and works once it is activated', async () => {
    const { state, run } = setup();
    state.addUserSheet('Mine');
    state.active = 'Mine';
    await expect(
      run({}, async (context) => {
        context.workbook.worksheets.add('Other').getRange('A1').select();
        await context.sync();
      }),
    ).rejects.toThrow(/not the active sheet/);
    await run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Other');
      sheet.activate();
      sheet.getRange('B2').select();
      await context.sync();
    });
    expect(state.sheet('Other')!.selected).toBe('B2');
  });
});

describe('writeSheetModels: print layout', () => {
  it('sets every sheet landscape, one page wide, the header row repeated, and the title, version and date in the header and footer', async () => {
    const { state, run } = setup();
    const model = standIn({ title: 'Cross-tier & more' });
    await writeSheetModels(run, [model]);
    const layout = state.sheet('Stand-in')!.pageLayout;
    expect(layout.orientation).toBe('Landscape');
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    // The header is row 1 (sheetLayout), so row 1 repeats on every printed page.
    expect(layout.printTitleRows).toBe('$1:$1');
    // A literal & is doubled in a header section (a single & starts a field code).
    expect(layout.headersFooters.centerHeader).toBe('Cross-tier && more');
    expect(layout.headersFooters.leftFooter).toMatch(/^SIZER \d+\.\d+\.\d+/);
    expect(layout.headersFooters.centerFooter).toBe('&D');
    expect(layout.headersFooters.rightFooter).toBe('Page &P of &N');
    expect(layout.printTitleColumns).toBeNull();
  });

  it('fits a table wider than a readable page to more page widths and repeats its first column on each', async () => {
    const { state, run } = setup();
    const base = standIn();
    // Three 90-character columns: 270 characters, two pages wide at the readable width.
    const wide = standIn({ columns: base.columns.map((c) => ({ ...c, width: 90 })) });
    await writeSheetModels(run, [wide]);
    const layout = state.sheet('Stand-in')!.pageLayout;
    expect(layout.zoom).toEqual({ horizontalFitToPages: 2, verticalFitToPages: 0 });
    expect(layout.printTitleColumns).toBe('$A:$A');
  });
});
