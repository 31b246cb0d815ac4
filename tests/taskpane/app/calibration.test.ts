/**
 * @jest-environment jsdom
 *
 * The calibration panel and "Insert calibration sheet", on the recording Office.js fake with its
 * document settings (Office.Settings keeps what saveAsync saved, https://learn.microsoft.com/javascript/api/office/office.settings)
 * and the real functions runtime: "Use this calibration" fits the active sheet's lab table with the
 * code SIZER.CALIBRATE runs, keeps the result with the workbook, changes SIZER.TOKPS on the
 * calibrated basis and asks Excel for a full recalculation after the runtime has it; a bad table is
 * refused with the row and field, and nothing changes; the workbook opened again uses it; "Forget
 * calibration" goes back to the shipped fit. No lab value is ever logged.
 */
import '@testing-library/jest-dom';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SizerRuntime } from '../../../src/functions/excel/runtime';
import { CALIBRATION_SETTING } from '../../../src/functions/excel/stored-calibration';
import type { CellInput } from '../../../src/functions/registry/types';
import { a1, columnIndex, FakeSettings, FakeWorkbookState, type SheetState } from '../excel/fake-office';
import { expectNeverLogged } from '../../helpers/no-logs';
import { renderPane } from './render';

/** A projected cell (Qwen3-30B MoE on NPU Low-LP5X) on the calibrated basis, calibration argument last. */
const tokps = (calibration: CellInput = null): CellInput[] => ['low-lp5x', 'skippy_finetune', 'Q4_K_M', null, null, null, null, null, 'calibrated', calibration];

function answer(runtime: SizerRuntime, name: string, args: readonly CellInput[]): unknown {
  const value = runtime.call(name, args);
  if (value instanceof Promise) throw new Error('expected an answer at once');
  return value;
}

// Nothing of the lab rows reaches a log: not the examples' numbers, not the user's.
expectNeverLogged(['130.58', '21.3', 'decode_tok_s']);

async function insertSheet(): Promise<void> {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Insert calibration sheet' }));
  await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Calibration'));
}

async function use(): Promise<void> {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Use this calibration' }));
  await waitFor(() => expect(screen.getByTestId('calibration-notice')).toBeInTheDocument());
}

/** Adds a lab row under the table, as a user typing in the row below it (the table grows). */
function typeRow(workbook: FakeWorkbookState, row: readonly (string | number | boolean)[]): void {
  const sheet = workbook.sheet('Calibration')!;
  const table = sheet.tables[0]!;
  const last = Number(/\d+$/.exec(table.address)![0]);
  row.forEach((value, c) => sheet.cells.set(a1(last, c), { value, formula: null, numberFormat: 'General' }));
  table.address = `${table.address.split(':')[0]}:${a1(last, row.length - 1)}`;
}

/** The values of an A1 range of a fake sheet ("" for an empty cell, as Excel reads it). */
function valuesOf(sheet: SheetState, address: string): CellInput {
  const [from, to] = address.split(':').map((ref) => ({ row: Number(/\d+/.exec(ref)![0]) - 1, col: columnIndex(/[A-Z]+/.exec(ref)![0]) })) as [{ row: number; col: number }, { row: number; col: number }];
  return Array.from({ length: to.row - from.row + 1 }, (_, r) => Array.from({ length: to.col - from.col + 1 }, (_, c) => sheet.cells.get(a1(from.row + r, from.col + c))?.value ?? ''));
}

const MY_ROW = ['My board', '', 68, 128, 'LPDDR5', '', 7.6, 7.6, false, 'Q4_K_M', '', '', 21.3, ''];

describe('calibration panel', () => {
  it('inserts the calibration sheet, then "Use this calibration" keeps its fit with the workbook and moves SIZER.TOKPS', async () => {
    const runtime = new SizerRuntime();
    const published = answer(runtime, 'TOKPS', tokps()) as number;
    const pane = renderPane({ runtime });
    await insertSheet();
    typeRow(pane.workbook, MY_ROW);
    const calculationsBefore = pane.workbook.calculations.length;
    await use();

    expect(screen.getByTestId('calibration-notice')).toHaveTextContent('Using "Calibration": 4 lab rows');
    // Kept in the document (saved, not just set), as the cells SIZER.CALIBRATE spills for that table.
    const kept = JSON.parse(pane.settings.saved.get(CALIBRATION_SETTING)!) as { name: string; result: (string | number)[][] };
    expect(kept.name).toBe('Calibration');
    const sheet = pane.workbook.sheet('Calibration')!;
    const tableValues = valuesOf(sheet, sheet.tables[0]!.address);
    expect(kept.result).toEqual(answer(runtime, 'CALIBRATE', [tableValues]));
    // The runtime's calibrated basis is that fit, the same as giving the result as the argument.
    const withArgument = answer(new SizerRuntime(), 'TOKPS', tokps(kept.result)) as number;
    expect(answer(runtime, 'TOKPS', tokps())).toBe(withArgument);
    expect(withArgument).not.toBeCloseTo(published, 3);
    expect(answer(runtime, 'TOKPS', tokps('Calibration'))).toBe(withArgument);
    // A full recalculation, asked after the runtime had the calibration.
    expect(pane.workbook.calculations.slice(calculationsBefore)).toEqual(['Full']);
    expect(pane.recalculationsBeforeSet.at(-1)).toBe(calculationsBefore);
    expect(screen.getByTestId('calibration-status')).toHaveTextContent('In use: "Calibration": 4 lab rows');
  });

  it('a bad row is refused naming the row and the field; nothing is kept and the runtime is unchanged', async () => {
    const runtime = new SizerRuntime();
    const published = answer(runtime, 'TOKPS', tokps()) as number;
    const pane = renderPane({ runtime });
    await insertSheet();
    typeRow(pane.workbook, MY_ROW.map((v, i) => (i === 12 ? 'fast' : v)));
    await use();
    expect(screen.getByTestId('calibration-notice')).toHaveTextContent('"Calibration" was not used');
    expect(screen.getByTestId('calibration-notice')).toHaveTextContent('table row 4: decode_tok_s: must be a number, got "fast". The calibration in use is unchanged.');
    expect(pane.settings.saved.has(CALIBRATION_SETTING)).toBe(false);
    expect(pane.runtime.setCalibration).not.toHaveBeenCalled();
    expect(answer(runtime, 'TOKPS', tokps())).toBe(published);
  });

  it('a sheet without a lab table says where to get one', async () => {
    const workbook = new FakeWorkbookState();
    workbook.addUserSheet('Sheet1', { A1: 1 });
    workbook.active = 'Sheet1';
    const pane = renderPane({ workbook });
    await use();
    expect(screen.getByTestId('calibration-notice')).toHaveTextContent('No lab table on this sheet');
    expect(pane.settings.saves).toBe(0);
  });

  it('the workbook opened again uses the kept calibration at once (runtime and pane), and "Forget calibration" goes back to the shipped fit', async () => {
    const first = renderPane({ runtime: new SizerRuntime() });
    await insertSheet();
    await use();
    const kept = first.settings.reopen();
    first.unmount();

    const runtime = new SizerRuntime({ storage: null, settings: () => kept });
    await runtime.whenReady();
    const published = answer(new SizerRuntime(), 'TOKPS', tokps()) as number;
    const calibrated = answer(runtime, 'TOKPS', tokps()) as number;
    expect(calibrated).not.toBeCloseTo(published, 3);

    const pane = renderPane({ runtime, settings: kept });
    await waitFor(() => expect(screen.getByTestId('calibration-status')).toHaveTextContent('In use: "Calibration": 3 lab rows'));
    // The runtime read the same setting when it started: no change, no recalculation asked.
    await waitFor(() => expect(pane.runtime.setCalibration).toHaveBeenCalled());
    expect(pane.workbook.calculations).toEqual([]);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Forget calibration' }));
    await waitFor(() => expect(screen.getByTestId('calibration-notice')).toHaveTextContent('Calibration forgotten'));
    expect(kept.saved.has(CALIBRATION_SETTING)).toBe(false);
    expect(answer(runtime, 'TOKPS', tokps())).toBe(published);
    expect(pane.workbook.calculations).toEqual(['Full']);
    await act(async () => undefined);
  });

  it('when the workbook refuses the setting, the calibration is in use for the session and the panel says it is not kept', async () => {
    const settings = new FakeSettings();
    settings.failSave = 'the document is read-only';
    const pane = renderPane({ runtime: new SizerRuntime(), settings });
    await insertSheet();
    await use();
    expect(screen.getByTestId('calibration-notice')).toHaveTextContent('Not kept with the workbook');
    expect(pane.runtime.setCalibration).toHaveBeenCalledTimes(1);
  });
});
