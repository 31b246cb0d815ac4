/**
 * @jest-environment jsdom
 *
 * The anchors panel: a good file (JSON or TOML) is validated, kept as text in per-user storage,
 * handed to the functions runtime and applied to the pane's engine; a bad one is rejected naming its
 * first problem while the anchors already loaded stay; clear goes back to projections. The file is
 * never logged and never reaches the workbook.
 *
 * Loading and clearing each end with a request for a FULL recalculation, recorded by the Office.js
 * fake: SIZER cells are not volatile and no cell they read changed, and CalculationType.recalculate
 * only recomputes cells Excel has marked dirty, while full "will mark all cells as dirty and then
 * recalculate them" (https://learn.microsoft.com/javascript/api/excel/excel.calculationtype).
 */
import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fs from 'fs';
import path from 'path';
import { type AnchorSet, createEngine, describeAnchorCoverage, NO_ANCHORS, parseAnchors } from '../../../src/engine';
import { SizerRuntime } from '../../../src/functions/excel/runtime';
import { ANCHORS_STORAGE_KEY, serializeStoredEntry } from '../../../src/functions/excel/stored-anchors';
import { FakeStorage, type FakeWorkbookState } from '../excel/fake-office';
import { expectNeverLogged } from '../../helpers/no-logs';
import { bundledCatalog, renderPane } from './render';

const EXAMPLE = fs.readFileSync(path.resolve(__dirname, '../../../data/anchors.example.json'), 'utf8');
const GOOD_TOML = ['[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]', 'tokps = 11.5', 'prefill_tokps = 900.0', 'source = "measured"', 'measured_date = 2001-02-03', ''].join('\n');
const BAD_TOML = ['[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]', 'tokps = 0', 'source = "measured"', 'measured_date = 2001-02-03', ''].join('\n');

const file = (name: string, text: string): File => new File([text], name, { type: 'text/plain' });

function decodeSource(): string | null {
  return screen.queryByTestId('tile-decode-badge')?.getAttribute('data-source') ?? null;
}

async function pickMidMoe(): Promise<void> {
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText('NPU tier'), 'mid');
  await user.selectOptions(screen.getByLabelText('LLM model'), 'skippy_finetune');
}

/**
 * The workbook saw nothing but recalculation requests, each a Full one made with delayForCellEdit, and
 * the runtime had its new anchors before each request.
 */
function expectOnlyRecalculations(workbook: FakeWorkbookState, count: number): void {
  expect(workbook.sheets).toEqual([]);
  expect(workbook.calculations).toEqual(Array(count).fill('Full'));
  expect(workbook.commands().map((c) => `${c.op} ${String(c.value)}`)).toEqual(Array(count).fill('application.calculate Full'));
  expect(workbook.runOptions).toEqual(Array(count).fill({ delayForCellEdit: true }));
}

async function upload(f: File): Promise<void> {
  const user = userEvent.setup({ applyAccept: false });
  await user.upload(screen.getByLabelText('Anchors file'), f);
}

// Nothing from an anchors file is ever logged.
expectNeverLogged(['12.345', '11.5', 'npu_llm_anchors']);

describe('anchors panel', () => {
  it('accepts a good JSON file: coverage shown, runtime and pane engine re-anchored, text kept in per-user storage only', async () => {
    const pane = renderPane();
    await pickMidMoe();
    expect(decodeSource()).toBe('measured_anchor');
    await upload(file('my-anchors.json', EXAMPLE));

    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('my-anchors.json: 4 of 5 cells in use'));
    expect(screen.getByTestId('anchors-status')).toHaveTextContent('NPU Mid INT8 · Qwen3-30B-A3B MoE anchored');
    expect(screen.getByTestId('anchors-status')).toHaveTextContent('NPU Mid INT8 · Qwen2.5-7B dense not measured: ignored');
    expect(screen.getByTestId('anchors-notice')).toHaveTextContent('Loaded my-anchors.json');

    expect(pane.runtime.setAnchors).toHaveBeenCalledTimes(1);
    const set = pane.runtime.setAnchors.mock.calls[0]![0] as AnchorSet;
    expect(describeAnchorCoverage(set)).toEqual(describeAnchorCoverage(parseAnchors(EXAMPLE, 'json')));
    expect(JSON.parse(pane.storage.items.get(ANCHORS_STORAGE_KEY)!)).toEqual({ fileName: 'my-anchors.json', text: EXAMPLE });

    // The pane's own engine now overlays the silicon anchor on the decode tile.
    expect(decodeSource()).toBe('measured_silicon_anchor');
    const anchored = createEngine(bundledCatalog(), { anchors: set });
    const llm = anchored.llmModel(anchored.hardware({ tier: 'mid' }), 'skippy_finetune', {});
    expect(screen.getByTestId('tile-decode-value')).toHaveTextContent(`${llm.decodeTokS.toFixed(1)} tok/s`);
    // Nothing went to the workbook but the request to recalculate it, made after the runtime had the anchors.
    await waitFor(() => expectOnlyRecalculations(pane.workbook, 1));
    expect(pane.recalculationsBeforeSet).toEqual([0]);
  });

  it('rejects a bad file naming the first problem, and keeps the anchors already loaded', async () => {
    const pane = renderPane();
    await pickMidMoe();
    await upload(file('good.json', EXAMPLE));
    await waitFor(() => expect(decodeSource()).toBe('measured_silicon_anchor'));
    const before = screen.getByTestId('anchors-status').textContent;

    await upload(file('bad.toml', BAD_TOML));
    await waitFor(() => expect(screen.getByTestId('anchors-notice')).toHaveTextContent('bad.toml was not loaded'));
    expect(screen.getByTestId('anchors-notice')).toHaveTextContent('npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.tokps: must be a positive number');
    expect(screen.getByTestId('anchors-notice')).toHaveTextContent('The anchors in use are unchanged.');
    expect(screen.getByTestId('anchors-status').textContent).toBe(before);
    expect(pane.runtime.setAnchors).toHaveBeenCalledTimes(1);
    expect(JSON.parse(pane.storage.items.get(ANCHORS_STORAGE_KEY)!).fileName).toBe('good.json');
    expect(decodeSource()).toBe('measured_silicon_anchor');

    await upload(file('broken.json', '{"npu_llm_anchors": {'));
    await waitFor(() => expect(screen.getByTestId('anchors-notice')).toHaveTextContent('broken.json was not loaded'));
    expect(screen.getByTestId('anchors-notice')).toHaveTextContent('not valid JSON at line 1');

    await upload(file('anchors.txt', EXAMPLE));
    await waitFor(() => expect(screen.getByTestId('anchors-notice')).toHaveTextContent('must end in .toml or .json'));
    expect(pane.runtime.setAnchors).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('anchors-status').textContent).toBe(before);
  });

  it('accepts TOML in the reference secrets shape, and clears back to projections', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    await pickMidMoe();
    await upload(file('secrets-copy.toml', GOOD_TOML));
    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('secrets-copy.toml: 1 of 1 cells in use'));
    expect(decodeSource()).toBe('measured_silicon_anchor');
    await waitFor(() => expectOnlyRecalculations(pane.workbook, 1));

    await user.click(screen.getByRole('button', { name: 'Clear anchors' }));
    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('No anchors loaded'));
    expect(pane.runtime.setAnchors).toHaveBeenLastCalledWith(NO_ANCHORS);
    // Clearing ends with its own recalculation request, made after the runtime dropped the anchors.
    await waitFor(() => expectOnlyRecalculations(pane.workbook, 2));
    expect(pane.recalculationsBeforeSet).toEqual([0, 1]);
    expect(pane.storage.items.has(ANCHORS_STORAGE_KEY)).toBe(false);
    expect(decodeSource()).toBe('measured_anchor');
    expect(screen.getByRole('button', { name: 'Clear anchors' })).toBeDisabled();
  });

  it('loads the file kept in per-user storage when the pane opens', async () => {
    const storage = new FakeStorage();
    await storage.setItem(ANCHORS_STORAGE_KEY, JSON.stringify({ fileName: 'kept.toml', text: GOOD_TOML }));
    const pane = renderPane({ storage });
    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('kept.toml: 1 of 1 cells in use'));
    expect(pane.runtime.setAnchors).toHaveBeenCalledTimes(1);
    await pickMidMoe();
    expect(decodeSource()).toBe('measured_silicon_anchor');
  });

  it('says so when the stored file is no longer valid, and applies nothing', async () => {
    const storage = new FakeStorage();
    await storage.setItem(ANCHORS_STORAGE_KEY, JSON.stringify({ fileName: 'old.toml', text: BAD_TOML }));
    const pane = renderPane({ storage });
    await waitFor(() => expect(screen.getByTestId('anchors-notice')).toHaveTextContent('The stored anchors file is no longer valid'));
    expect(pane.runtime.setAnchors).not.toHaveBeenCalled();
    expect(screen.getByTestId('anchors-status')).toHaveTextContent('No anchors loaded');
  });
});

describe('anchors panel with the functions runtime, per-user storage slow to answer', () => {
  const TOKPS = ['NPU Mid', 'skippy_finetune', 'Q4_K_M'];
  const decode = (anchors: AnchorSet): number => {
    const engine = createEngine(bundledCatalog(), { anchors });
    return engine.llmModel(engine.hardware({ tier: 'mid' }), 'skippy_finetune', { quant: 'Q4_K_M' }).decodeTokS;
  };

  async function slowStorage(): Promise<{ storage: FakeStorage; open: () => void }> {
    const storage = new FakeStorage();
    await storage.setItem(ANCHORS_STORAGE_KEY, serializeStoredEntry({ fileName: 'kept.json', text: EXAMPLE }));
    let open = (): void => undefined;
    storage.gate = new Promise<void>((resolve) => (open = resolve));
    return { storage, open };
  }

  it('a function called while the stored anchors load answers with them; clearing and loading each end with a full recalculation', async () => {
    const user = userEvent.setup();
    const { storage, open } = await slowStorage();
    const runtime = new SizerRuntime({ storage });
    // Excel calls a cell before the read is done: the answer waits.
    const early = runtime.call('TOKPS', TOKPS);
    const pane = renderPane({ storage, runtime });
    open();
    const anchored = decode(parseAnchors(EXAMPLE, 'json'));
    expect(anchored).not.toBeCloseTo(decode(NO_ANCHORS), 2);
    expect(await early).toBeCloseTo(anchored, 9);

    // The pane shows the same file; the runtime already had it, so no recalculation is needed.
    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('kept.json: 4 of 5 cells in use'));
    expect(pane.runtime.setAnchors).toHaveBeenCalledTimes(1);
    expect(pane.workbook.calculations).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Clear anchors' }));
    await waitFor(() => expectOnlyRecalculations(pane.workbook, 1));
    expect(runtime.call('TOKPS', TOKPS)).toBeCloseTo(decode(NO_ANCHORS), 9);

    await upload(file('again.json', EXAMPLE));
    await waitFor(() => expectOnlyRecalculations(pane.workbook, 2));
    expect(runtime.call('TOKPS', TOKPS)).toBeCloseTo(anchored, 9);
    expect(pane.recalculationsBeforeSet).toEqual([0, 0, 1]);
  });

  it('asks for a recalculation at start when the runtime answered before it had the stored anchors', async () => {
    const { storage, open } = await slowStorage();
    // Storage slower than the runtime's wait limit: the first answers are without anchors.
    const runtime = new SizerRuntime({ storage, waitMs: 10 });
    expect(await runtime.call('TOKPS', TOKPS)).toBeCloseTo(decode(NO_ANCHORS), 9);
    const pane = renderPane({ storage, runtime });
    open();
    await waitFor(() => expectOnlyRecalculations(pane.workbook, 1));
    expect(runtime.call('TOKPS', TOKPS)).toBeCloseTo(decode(parseAnchors(EXAMPLE, 'json')), 9);
  });

  it('a file loaded while the runtime is still reading the stored one is not undone by that read', async () => {
    const storage = new FakeStorage();
    await storage.setItem(ANCHORS_STORAGE_KEY, serializeStoredEntry({ fileName: 'kept.json', text: EXAMPLE }));
    // The runtime's read of the stored file is held until the upload has landed (no timer race on a busy machine).
    let officeOpens: () => void = () => undefined;
    const officeReady = new Promise<void>((resolve) => {
      officeOpens = resolve;
    });
    const runtime = new SizerRuntime({ storage, officeReady });
    const pane = renderPane({ storage, runtime });
    await upload(file('newer.toml', GOOD_TOML));
    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('newer.toml: 1 of 1 cells in use'));
    officeOpens();
    await runtime.whenReady();
    // Let the pane's effects that follow the runtime's read run to completion.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('anchors-status')).toHaveTextContent('newer.toml');
    expect(pane.runtime.setAnchors.mock.calls.map((c) => describeAnchorCoverage(c[0] as AnchorSet))).toEqual([describeAnchorCoverage(parseAnchors(GOOD_TOML, 'toml'))]);
    expect(runtime.call('TOKPS', TOKPS)).toBeCloseTo(decode(parseAnchors(GOOD_TOML, 'toml')), 9);
  });

  it('says so when Excel refuses the recalculation, and keeps the anchors', async () => {
    const pane = renderPane();
    const refusing = { ...pane.port, recalculateWorkbook: () => Promise.reject(new Error('InvalidOperation')) };
    pane.unmount();
    const again = renderPane({ port: refusing });
    await upload(file('my-anchors.json', EXAMPLE));
    await waitFor(() => expect(screen.getByTestId('anchors-notice')).toHaveTextContent('Excel did not recalculate'));
    expect(screen.getByTestId('anchors-notice')).toHaveTextContent('Ctrl+Alt+F9');
    expect(screen.getByTestId('anchors-status')).toHaveTextContent('my-anchors.json: 4 of 5 cells in use');
    expect(again.runtime.setAnchors).toHaveBeenCalledTimes(1);
  });
});
