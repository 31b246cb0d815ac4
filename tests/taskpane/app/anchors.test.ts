/**
 * @jest-environment jsdom
 *
 * The anchors panel: a good file (JSON or TOML) is validated, kept as text in per-user storage,
 * handed to the functions runtime and applied to the pane's engine; a bad one is rejected naming its
 * first problem while the anchors already loaded stay; clear goes back to projections. The file is
 * never logged and never reaches the workbook.
 */
import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fs from 'fs';
import path from 'path';
import { createEngine, describeAnchorCoverage, NO_ANCHORS, parseAnchors } from '../../../src/engine';
import { ANCHORS_STORAGE_KEY } from '../../../src/functions/excel/stored-anchors';
import { FakeStorage } from '../excel/fake-office';
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

async function upload(f: File): Promise<void> {
  const user = userEvent.setup({ applyAccept: false });
  await user.upload(screen.getByLabelText('Anchors file'), f);
}

let logged: string[];
beforeEach(() => {
  logged = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
});
afterEach(() => {
  jest.restoreAllMocks();
  // Nothing from an anchors file is ever logged.
  for (const line of logged) {
    expect(line).not.toContain('12.345');
    expect(line).not.toContain('11.5');
    expect(line).not.toContain('npu_llm_anchors');
  }
});

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
    const set = pane.runtime.setAnchors.mock.calls[0]![0];
    expect(describeAnchorCoverage(set)).toEqual(describeAnchorCoverage(parseAnchors(EXAMPLE, 'json')));
    expect(JSON.parse(pane.storage.items.get(ANCHORS_STORAGE_KEY)!)).toEqual({ fileName: 'my-anchors.json', text: EXAMPLE });

    // The pane's own engine now overlays the silicon anchor on the decode tile.
    expect(decodeSource()).toBe('measured_silicon_anchor');
    const anchored = createEngine(bundledCatalog(), { anchors: set });
    const llm = anchored.llmModel(anchored.hardware({ tier: 'mid' }), 'skippy_finetune', {});
    expect(screen.getByTestId('tile-decode-value')).toHaveTextContent(`${llm.decodeTokS.toFixed(1)} tok/s`);
    // Nothing went to the workbook.
    expect(pane.workbook.runs).toBe(0);
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

    await user.click(screen.getByRole('button', { name: 'Clear anchors' }));
    await waitFor(() => expect(screen.getByTestId('anchors-status')).toHaveTextContent('No anchors loaded'));
    expect(pane.runtime.setAnchors).toHaveBeenLastCalledWith(NO_ANCHORS);
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
