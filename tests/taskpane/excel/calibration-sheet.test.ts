/**
 * "Insert calibration sheet": what reaches the workbook (a lab table with example rows from the
 * validation set, marked and cited, one SIZER.CALIBRATE formula beside it), that the written sheet
 * computes in HyperFormula (the formula's table argument and a projection whose calibration argument
 * is the spilled result), that it never overwrites a sheet (the user's, or a calibration sheet SIZER
 * wrote before, which holds the user's rows), and that the pane reads the active sheet's lab table.
 */
import { HyperFormula } from 'hyperformula';
import { registerSizerFunctions } from '../../../src/functions/hyperformula/plugin';
import { SIZER_FUNCTIONS } from '../../../src/functions/registry';
import { createRunner, runFunction } from '../../../src/functions/registry/invoke';
import type { CellInput } from '../../../src/functions/registry/types';
import { CALIBRATION_RESULT_ROWS, CALIBRATION_TABLE_COLUMNS } from '../../../src/report/calibration-table';
import { calibrationExampleSourceRows } from '../../../src/report/calibration-examples';
import { calibrationSheetLayout, readActiveLabTable, writeCalibrationSheet } from '../../../src/taskpane/excel/calibration-sheet';
import { type ExcelRun, OWNER_MARK } from '../../../src/taskpane/excel/writer';
import { testEngine } from '../../helpers/engine';
import { a1, columnIndex, fakeExcelRun, FakeWorkbookState, type SheetState } from './fake-office';

const engine = testEngine();
const runner = createRunner({ engine });
registerSizerFunctions(HyperFormula, SIZER_FUNCTIONS, () => runner);

const run = (state: FakeWorkbookState): ExcelRun => fakeExcelRun(state) as unknown as ExcelRun;

function call(name: string, args: readonly CellInput[]) {
  const outcome = runFunction({ engine }, SIZER_FUNCTIONS.find((f) => f.name === name)!, args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** The cells of an A1 range of a fake sheet, as values ("" for empty). */
function cells(sheet: SheetState, address: string): unknown[][] {
  const [from, to] = address.split(':') as [string, string];
  const at = (ref: string) => ({ row: Number(/\d+/.exec(ref)![0]) - 1, col: columnIndex(/[A-Z]+/.exec(ref)![0]) });
  const a = at(from);
  const b = at(to);
  return Array.from({ length: b.row - a.row + 1 }, (_, r) => Array.from({ length: b.col - a.col + 1 }, (_, c) => sheet.cells.get(a1(a.row + r, a.col + c))?.value ?? ''));
}

async function inserted(state = new FakeWorkbookState()): Promise<{ state: FakeWorkbookState; sheet: SheetState; written: Awaited<ReturnType<typeof writeCalibrationSheet>> }> {
  const written = await writeCalibrationSheet(run(state));
  return { state, sheet: state.sheet(written.written)!, written };
}

describe('Insert calibration sheet', () => {
  it('writes a marked sheet with the lab table (the declared columns, the example rows) and SIZER.CALIBRATE beside it', async () => {
    const { state, sheet, written } = await inserted();
    expect(written).toEqual({ requested: 'Calibration', written: 'Calibration', replaced: false });
    expect(sheet.names.some((n) => n.name === OWNER_MARK)).toBe(true);
    expect(sheet.customProperties[OWNER_MARK]).toBe('SIZER for Excel');
    const layout = calibrationSheetLayout('LabRows', 'Calibration');
    expect(sheet.tables).toHaveLength(1);
    const table = sheet.tables[0]!;
    expect(table.name).toBe('LabRows');
    const values = cells(sheet, table.address);
    expect(values[0]).toEqual(CALIBRATION_TABLE_COLUMNS.map((c) => c.key));
    // The example rows are the validation set's, each marked and cited.
    const sources = calibrationExampleSourceRows();
    expect(values).toHaveLength(1 + sources.length);
    const column = (key: string) => CALIBRATION_TABLE_COLUMNS.findIndex((c) => c.key === key);
    values.slice(1).forEach((row, i) => {
      expect(String(row[column('device')])).toMatch(/^EXAMPLE: /);
      expect(row[column('decode_tok_s')]).toBe(sources[i]!.decodeTokS);
      expect(row[column('mem_bandwidth_gbs')]).toBe(sources[i]!.memory.peakGbs);
      expect(String(row[column('note')])).toContain(sources[i]!.citation);
    });
    expect(sheet.cells.get(a1(layout.result.row, layout.result.col))!.formula).toBe('=SIZER.CALIBRATE(LabRows[#All])');
    // README.md and decision 0031 give this address (Calibration!P7#) in their examples.
    expect(a1(layout.result.row, layout.result.col)).toBe('P7');
    expect(layout.notes.join(' ')).toContain("'Calibration'!P7#");
    expect(state.calculations).toEqual(['Recalculate']);
    expect(state.active).toBe('Calibration');
  });

  it('evaluates in HyperFormula: the spill is SIZER.CALIBRATE of the table, and a projection takes the spill as its calibration', async () => {
    const { sheet } = await inserted();
    const table = sheet.tables[0]!;
    const layout = calibrationSheetLayout('LabRows', 'Calibration');
    // HyperFormula has no structured references: the table's range stands for LabRows[#All].
    const grid: (string | number | boolean | null)[][] = [];
    for (const [address, cell] of sheet.cells) {
      const row = Number(/\d+/.exec(address)![0]) - 1;
      const col = columnIndex(/[A-Z]+/.exec(address)![0]);
      while (grid.length <= row) grid.push([]);
      grid[row]![col] = cell.formula ? cell.formula.replace('LabRows[#All]', table.address) : cell.value === '' ? null : cell.value;
    }
    const resultRange = `${a1(layout.result.row, layout.result.col)}:${a1(layout.result.row + CALIBRATION_RESULT_ROWS.length, layout.result.col + 1)}`;
    const projection = `=SIZER.TOKPS("low-lp5x", "skippy_finetune", "Q4_K_M", , , , , , , ${resultRange})`;
    grid.push([projection]);
    const hf = HyperFormula.buildFromSheets({ Calibration: grid.map((row) => Array.from(row, (v) => v ?? null)) }, { licenseKey: 'gpl-v3' });
    const id = hf.getSheetId('Calibration')!;
    const spilled = Array.from({ length: CALIBRATION_RESULT_ROWS.length + 1 }, (_, r) => [0, 1].map((c) => hf.getCellValue({ sheet: id, row: layout.result.row + r, col: layout.result.col + c })));
    const direct = call('CALIBRATE', [cells(sheet, table.address) as CellInput[][] as unknown as CellInput]) as (string | number)[][];
    expect(spilled.map((r) => r[0])).toEqual(direct.map((r) => r[0]));
    spilled.slice(1).forEach((r, i) => expect(r[1] as number).toBeCloseTo(direct[i + 1]![1] as number, 9));
    const projected = hf.getCellValue({ sheet: id, row: grid.length - 1, col: 0 }) as number;
    expect(projected).toBeCloseTo(call('TOKPS', ['low-lp5x', 'skippy_finetune', 'Q4_K_M', null, null, null, null, null, null, direct]) as number, 9);
    expect(projected).not.toBeCloseTo(call('TOKPS', ['low-lp5x', 'skippy_finetune', 'Q4_K_M', null, null, null, null, null, 'calibrated']) as number, 3);
  });

  it('never writes over a sheet of that name: the user\'s stays as it was, the new one is "Calibration (2)"', async () => {
    const state = new FakeWorkbookState();
    state.addUserSheet('Calibration', { A1: 'my own numbers', B2: 42 });
    const { sheet, written } = await inserted(state);
    expect(written.written).toBe('Calibration (2)');
    expect(state.sheet('Calibration')!.cells.get('A1')!.value).toBe('my own numbers');
    expect(state.sheet('Calibration')!.cells.get('B2')!.value).toBe(42);
    expect(sheet.tables[0]!.name).toBe('LabRows');
  });

  it('nor over a calibration sheet SIZER wrote before (it holds the user\'s rows): a second one gets its own name and table', async () => {
    const { state } = await inserted();
    const first = state.sheet('Calibration')!;
    first.cells.set('A9', { value: 'my lab row', formula: null, numberFormat: 'General' });
    const { sheet, written } = await inserted(state);
    expect(written).toEqual({ requested: 'Calibration', written: 'Calibration (2)', replaced: false });
    expect(first.cells.get('A9')!.value).toBe('my lab row');
    expect(first.tables[0]!.name).toBe('LabRows');
    expect(sheet.tables[0]!.name).toBe('LabRows_2');
    const layout = calibrationSheetLayout('LabRows_2', 'Calibration (2)');
    expect(sheet.cells.get(a1(layout.result.row, layout.result.col))!.formula).toBe('=SIZER.CALIBRATE(LabRows_2[#All])');
  });

  it('the pane reads the active sheet\'s lab table, header row included, as it stands (rows the user added too)', async () => {
    const { state, sheet } = await inserted();
    const table = sheet.tables[0]!;
    const before = await readActiveLabTable(run(state));
    expect(before!.sheet).toBe('Calibration');
    expect(before!.table).toEqual(cells(sheet, table.address));
    // The user types a row under the table, which grows to take it.
    const lastRow = Number(/\d+$/.exec(table.address)![0]);
    const width = CALIBRATION_TABLE_COLUMNS.length;
    const row = ['My board', '', 68, 128, 'LPDDR5', '', 7.6, 7.6, false, 'Q4_K_M', '', '', 21.3, ''];
    row.forEach((value, c) => sheet.cells.set(a1(lastRow, c), { value, formula: null, numberFormat: 'General' }));
    table.address = `${table.address.split(':')[0]}:${a1(lastRow, width - 1)}`;
    const after = await readActiveLabTable(run(state));
    expect(after!.table).toHaveLength(before!.table.length + 1);
    expect(after!.table.at(-1)).toEqual(row);
  });

  it('a sheet without a table has no lab table', async () => {
    const state = new FakeWorkbookState();
    state.addUserSheet('Sheet1', { A1: 1 });
    state.active = 'Sheet1';
    expect(await readActiveLabTable(run(state))).toBeNull();
  });
});
