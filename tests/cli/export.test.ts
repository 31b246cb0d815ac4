/**
 * `sizer export`: the workbook written to .xlsx and read back with exceljs (sheet names, tables,
 * headers, number formats, frozen panes, widths, badge colours, a sample of values per sheet), CSV
 * sheets with their '#' header, and the option errors.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../../src/cli/export/command';
import { parseExportArgs, UsageError } from '../../src/cli/export/options';
import { buildSheet, buildWorkbook, columnHeader, type SheetId, sheetLayout } from '../../src/report';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const quiet = { commitSha: 'abc1234', version: '9.9.9', now: new Date('2026-11-29T12:00:00Z'), progress: () => undefined, stdout: () => undefined };

describe('sizer export workbook --format xlsx', () => {
  let dir: string;
  let workbook: ExcelJS.Workbook;
  const request = parseExportArgs(['workbook', '--format', 'xlsx', '--out', 'placeholder', '--tier', 'NPU Mid', '--model', 'skippy_finetune', '--streams', '4'], engine.catalog);
  const models = buildWorkbook(engine, request.config);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sizer-export-'));
    const out = join(dir, 'sizer.xlsx');
    const progress: string[] = [];
    await runExport(engine, { ...request, out }, { ...quiet, progress: (l) => progress.push(l) });
    const matrix = models.findIndex((m) => m.name === 'Full matrix') + 1;
    expect(progress.some((l) => new RegExp(`writing sheet ${matrix}/${models.length}: Full matrix \\(2250 rows\\)`).test(l))).toBe(true);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the cover sheet, one sheet per view and the Reference sheet, in order', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(models.map((m) => m.name));
    expect(workbook.worksheets[0]?.name).toBe('Cover');
    expect(workbook.worksheets[workbook.worksheets.length - 1]?.name).toBe('Reference');
  });

  it.each(models.map((m, i) => [m.name, i] as const))('%s: table, headers, formats, frozen header, widths and values', (_name, index) => {
    const model = models[index];
    const ws = workbook.worksheets[index];
    if (!model || !ws) throw new Error('missing sheet');
    // The table from row 1 (only its header frozen), then the title and notes below it: the model's
    // notes and one provenance line (the charts are native, tests/cli/export-charts.test.ts).
    const layout = sheetLayout(model);
    expect(ws.getRow(layout.titleRow + 1).getCell(1).value).toBe(model.title);
    const noteRows = model.notes.length + 1;
    expect(ws.getRow(layout.firstNoteRow + noteRows).getCell(1).value ?? null).not.toBeNull();
    expect(ws.getRow(layout.firstNoteRow + noteRows + 1).getCell(1).value ?? null).toBeNull();
    const headerRow = layout.headerRow + 1; // 1-based
    expect(headerRow).toBe(1);
    const header = model.columns.map((c) => columnHeader(c));
    expect(model.columns.map((_, i) => ws.getRow(headerRow).getCell(i + 1).value)).toEqual(header);
    const tables = (ws as unknown as { tables: Record<string, { table: { name: string } }> }).tables;
    expect(Object.keys(tables)).toEqual([model.tableName]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // exceljs leaves out columns at Excel's default width (9) and reads them back as undefined.
    model.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width ?? 9).toBe(c.width));
    // A sample of rows: first, middle, last, every column.
    const samples = [...new Set([0, Math.floor(model.rows.length / 2), model.rows.length - 1])].filter((r) => r >= 0);
    for (const r of samples) {
      model.columns.forEach((c, i) => {
        const cell = ws.getRow(headerRow + 1 + r).getCell(i + 1);
        const want = model.rows[r]?.[i] ?? null;
        if (typeof want === 'number') expect(cell.value).toBeCloseTo(want, 9);
        else expect(cell.value ?? null).toBe(want);
        expect(cell.numFmt ?? 'General').toBe(c.numberFormat); // General is the default, stored as none
      });
    }
  });

  it.each(models.map((m, i) => [m.name, i] as const))('%s: prints landscape, on the page widths its model gives, the header row repeated, title/version/date header and footer', (_name, index) => {
    const ws = workbook.worksheets[index]!;
    const setup = models[index]!.pageSetup!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: setup.fitToPagesWide, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(ws.pageSetup.printTitlesColumn ?? null).toBe(setup.printTitleColumns);
    expect(ws.headerFooter.oddHeader).toBe(`&C${models[index]!.title.replace(/&/g, '&&')}`);
    expect(ws.headerFooter.oddFooter).toMatch(/^&LSIZER \S+&C&D&RPage &P of &N$/);
  });

  it('no header cell repeats its unit ("Memory (MB) (MB)")', () => {
    for (const ws of workbook.worksheets) {
      for (const cell of ws.getRow(1).values as unknown[]) {
        if (typeof cell !== 'string') continue;
        const groups = [...cell.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]);
        expect({ sheet: ws.name, cell, repeated: groups.length !== new Set(groups).size }).toEqual({ sheet: ws.name, cell, repeated: false });
        expect(cell).not.toMatch(/\(([^)]+)\) \(\1\)/);
      }
    }
  });

  it('colours source badges with conditional formats', () => {
    const index = models.findIndex((m) => m.name === 'Cross-tier vision');
    const ws = workbook.worksheets[index] as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] };
    const formulae = ws.conditionalFormattings.flatMap((cf) => cf.rules.flatMap((r) => r.formulae));
    expect(formulae.some((f) => f.endsWith('="measured"'))).toBe(true);
    expect(formulae.some((f) => f.endsWith('="cross_class"'))).toBe(true);
  });

  it('writes a totals row on This config', () => {
    const index = models.findIndex((m) => m.name === 'This config');
    const ws = workbook.worksheets[index];
    const model = models[index];
    if (!ws || !model) throw new Error('missing');
    const totalsRow = sheetLayout(model).lastDataRow + 1 + 1; // 1-based, right under the data
    expect(ws.getRow(totalsRow).getCell(1).value).toBe('Platform total');
  });
});

describe('sizer export: CSV and errors', () => {
  it.each(['precision', 'performance', 'accuracy', 'dram', 'workload-mix', 'kpi-summary', 'cross-pipeline', 'cross-model-vla'])('%s exports as CSV to standard output', async (id) => {
    const chunks: string[] = [];
    const request = parseExportArgs([id, '--format', 'csv', '--out', '-'], engine.catalog);
    await runExport(engine, request, { ...quiet, stdout: (d) => chunks.push(String(d)) });
    const lines = chunks.join('').split('\r\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines[0]!.split(',')).toEqual(buildSheet(engine, id as SheetId, request.config).columns.map((c) => c.key));
    expect(lines.length).toBeGreaterThan(1);
  });

  it('a sheet as CSV keeps its title and caveats as # lines', async () => {
    let text = '';
    const request = parseExportArgs(['kpi', '--format', 'csv', '--out', '-', '--tier', 'high'], engine.catalog);
    await runExport(engine, request, { ...quiet, stdout: (d) => (text += String(d)) });
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^# KPI breakdown: NPU High/);
    const header = lines.find((l) => !l.startsWith('#'));
    const kpi = engine.catalog.files['kpi.json'];
    expect(header?.split(',')).toEqual([...kpi.columns, ...kpi.sizerColumns].map((c) => c.name));
    expect(lines.filter((l) => l && !l.startsWith('#'))).toHaveLength(24);
  });

  it.each([
    [['nonsense', '--out', '-'], /valid: this-config, kpi, matrix/],
    [['kpi', '--format', 'pdf', '--out', '-'], /unknown format "pdf"; valid: xlsx, csv/],
    [['workbook', '--format', 'csv', '--out', '-'], /a workbook has several sheets/],
    [['kpi', '--format', 'csv'], /needs --out/],
    [['kpi', '--out', '-', '--streams', 'many'], /--streams must be a number/],
    [['kpi', '--out', '-', '--colour', 'red'], /unknown option --colour/],
    [['kpi', '--out', '-', '--tier', 'mid', '--custom', 'custom: int8=1; bw=1; cap=1'], /--tier or --custom, not both/],
  ])('%j is refused: %s', (args, message) => {
    expect(() => parseExportArgs(args, engine.catalog)).toThrow(UsageError);
    expect(() => parseExportArgs(args, engine.catalog)).toThrow(message);
  });

  it('an unknown tier fails before anything is written, and an unwritable path leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sizer-export-'));
    try {
      const bad = parseExportArgs(['this-config', '--out', join(dir, 'x.xlsx'), '--tier', 'NPU Huge'], engine.catalog);
      await expect(runExport(engine, bad, quiet)).rejects.toThrow(/unknown tier "NPU Huge"/);
      const unwritable = parseExportArgs(['reference', '--out', join(dir, 'missing', 'x.xlsx')], engine.catalog);
      await expect(runExport(engine, unwritable, quiet)).rejects.toThrow(`cannot write ${join(dir, 'missing', 'x.xlsx')}: the folder ${join(dir, 'missing')} does not exist`);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
