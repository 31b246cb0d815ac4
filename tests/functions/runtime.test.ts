/**
 * The functions runtime at start, with a per-user storage whose read is slow: a worksheet function
 * called before the stored anchors file is read does not answer with the numbers of no anchors; it
 * returns a Promise that settles once the anchors are in place (custom functions may return a
 * Promise, and "Excel automatically waits for the promise to resolve before displaying the result in
 * the cell": https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs).
 */
import fs from 'fs';
import path from 'path';
import { type AnchorSet, createEngine, loadBundledCatalog, NO_ANCHORS, parseAnchors } from '../../src/engine';
import { SizerRuntime } from '../../src/functions/excel/runtime';
import { ANCHORS_STORAGE_KEY, serializeStoredEntry } from '../../src/functions/excel/stored-anchors';
import { FakeStorage, installFakeOffice } from '../taskpane/excel/fake-office';

const EXAMPLE = fs.readFileSync(path.resolve(__dirname, '../../data/anchors.example.json'), 'utf8');
const catalog = loadBundledCatalog();
const TOKPS_ARGS = ['NPU Mid', 'skippy_finetune', 'Q4_K_M'];

/** Decode tok/s of the MoE fine-tune on NPU Mid, straight from the engine under the given anchors. */
function decode(anchors: AnchorSet): number {
  const engine = createEngine(catalog, { anchors });
  return engine.llmModel(engine.hardware({ tier: 'NPU Mid' }), 'skippy_finetune', { quant: 'Q4_K_M' }).decodeTokS;
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every queued promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function slowStorage(text: string | null, fileName = 'kept.json'): Promise<{ storage: FakeStorage; open: () => void }> {
  const storage = new FakeStorage();
  if (text !== null) await storage.setItem(ANCHORS_STORAGE_KEY, serializeStoredEntry({ fileName, text }));
  const { promise, open } = gate();
  storage.gate = promise;
  return { storage, open };
}

const anchored = decode(parseAnchors(EXAMPLE, 'json'));
const unanchored = decode(NO_ANCHORS);

describe('functions runtime: stored anchors read at start', () => {
  it('the example anchors move this cell (so the tests below can tell the two answers apart)', () => {
    expect(Math.abs(anchored - unanchored)).toBeGreaterThan(0.01);
  });

  it('a call made while the stored anchors are still loading waits, then answers with them', async () => {
    const { storage, open } = await slowStorage(EXAMPLE);
    const runtime = new SizerRuntime({ storage });
    const early = runtime.call('TOKPS', TOKPS_ARGS);
    expect(early).toBeInstanceOf(Promise);
    let answered = false;
    void Promise.resolve(early).then(() => (answered = true));
    await settle();
    expect(answered).toBe(false);
    expect(storage.reads).toBe(1);

    open();
    expect(await early).toBeCloseTo(anchored, 9);
    // Once read, calls answer at once, with the same anchors.
    const later = runtime.call('TOKPS', TOKPS_ARGS);
    expect(later).not.toBeInstanceOf(Promise);
    expect(later).toBeCloseTo(anchored, 9);
  });

  it('an error found while waiting reaches Excel as the rejection of the Promise', async () => {
    // The error object is CustomFunctions.Error, which exists only in Excel: the fake host's stand-in.
    installFakeOffice(globalThis as unknown as Record<string, unknown>);
    const { storage, open } = await slowStorage(EXAMPLE);
    const runtime = new SizerRuntime({ storage });
    const early = runtime.call('TOKPS', ['no such tier', 'skippy_finetune']);
    open();
    try {
      await expect(early).rejects.toMatchObject({ code: '#VALUE!' });
    } finally {
      for (const key of ['Office', 'Excel', 'OfficeRuntime', 'CustomFunctions', '__sizerStub']) delete (globalThis as Record<string, unknown>)[key];
    }
  });

  it('with nothing stored, or a stored file that is no longer valid, the waiting call answers without anchors', async () => {
    for (const text of [null, '{"npu_llm_anchors": {']) {
      const { storage, open } = await slowStorage(text);
      const runtime = new SizerRuntime({ storage });
      const early = runtime.call('TOKPS', TOKPS_ARGS);
      open();
      expect(await early).toBeCloseTo(unanchored, 9);
    }
  });

  it('waits for Office to be ready before it reads storage', async () => {
    const storage = new FakeStorage();
    await storage.setItem(ANCHORS_STORAGE_KEY, serializeStoredEntry({ fileName: 'kept.json', text: EXAMPLE }));
    const ready = gate();
    const runtime = new SizerRuntime({ storage, officeReady: ready.promise });
    const early = runtime.call('TOKPS', TOKPS_ARGS);
    await settle();
    expect(storage.reads).toBe(0);
    ready.open();
    expect(await early).toBeCloseTo(anchored, 9);
  });

  it('answers without anchors when storage never answers, after the wait limit', async () => {
    const { storage } = await slowStorage(EXAMPLE);
    const runtime = new SizerRuntime({ storage, waitMs: 20 });
    expect(await runtime.call('TOKPS', TOKPS_ARGS)).toBeCloseTo(unanchored, 9);
  });

  it('anchors the pane sets while the read is under way win over the read that finishes later', async () => {
    const { storage, open } = await slowStorage(EXAMPLE);
    const runtime = new SizerRuntime({ storage });
    const early = runtime.call('TOKPS', TOKPS_ARGS);
    expect(runtime.setAnchors(NO_ANCHORS)).toBe(false); // the anchors in use are still none
    open();
    await early;
    await runtime.whenReady();
    expect(runtime.call('TOKPS', TOKPS_ARGS)).toBeCloseTo(unanchored, 9);
  });

  it('setAnchors says whether anything changed, so the pane asks for a recalculation only when a cell can change', () => {
    const runtime = new SizerRuntime();
    const set = parseAnchors(EXAMPLE, 'json');
    expect(runtime.setAnchors(set)).toBe(true);
    expect(runtime.call('TOKPS', TOKPS_ARGS)).toBeCloseTo(anchored, 9);
    expect(runtime.setAnchors(parseAnchors(EXAMPLE, 'json'))).toBe(false);
    expect(runtime.setAnchors(NO_ANCHORS)).toBe(true);
    expect(runtime.call('TOKPS', TOKPS_ARGS)).toBeCloseTo(unanchored, 9);
  });

  it('without per-user storage (a plain page, HyperFormula, the CLI) it answers at once', () => {
    const runtime = new SizerRuntime({ storage: null });
    expect(runtime.call('TOKPS', TOKPS_ARGS)).toBeCloseTo(unanchored, 9);
  });
});
