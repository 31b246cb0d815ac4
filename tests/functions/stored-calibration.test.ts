/**
 * The workbook's named calibration, kept in the document's settings (the recording Office fake's
 * Office.Settings, which keeps only what saveAsync saved): read by the functions runtime at start, it
 * changes SIZER.TOKPS on the calibrated basis to what the SIZER.CALIBRATE result it holds gives as an
 * argument, and its name works as the calibration argument; the pane's setCalibration swaps it.
 */
import { SizerRuntime } from '../../src/functions/excel/runtime';
import { CALIBRATION_SETTING, namedCalibrationOf, parseStoredCalibration, saveSettings, type StoredCalibration } from '../../src/functions/excel/stored-calibration';
import fs from 'fs';
import path from 'path';
import { bundledCalibration, parseAnchors } from '../../src/engine';
import type { CellInput, FunctionResult } from '../../src/functions/registry/types';
import { FakeSettings } from '../taskpane/excel/fake-office';

const TABLE = [
  ['device', 'mem_bandwidth_gbs', 'mem_bus_width_bits', 'mem_type', 'active_params_b', 'total_params_b', 'bits_per_weight', 'context_tokens', 'decode_tok_s'],
  ['RTX 4090', 1008, 384, 'GDDR6X', 8.03, 8.03, 4.563, 512, 130.58],
  ['Strix Halo', 256, 256, 'LPDDR5X', 3.3, 30.5, 4.6, 128, 78],
  ['Pi 5', 17.1, 32, 'LPDDR4X', 3.3, 30.53, 2.696, 128, 7.99],
];
/** A projected cell (Qwen3-30B MoE on NPU Low-LP5X) on the calibrated basis, with a calibration argument. */
const tokps = (calibration: CellInput = null, basis: CellInput = 'calibrated'): CellInput[] => ['low-lp5x', 'skippy_finetune', 'Q4_K_M', null, null, null, null, null, basis, calibration];

function answer(runtime: SizerRuntime, name: string, args: readonly CellInput[]): FunctionResult {
  const value = runtime.call(name, args);
  if (value instanceof Promise) throw new Error('expected an answer at once');
  return value;
}

const plain = new SizerRuntime();
const result = answer(plain, 'CALIBRATE', [TABLE]) as (string | number)[][];
const published = answer(plain, 'TOKPS', tokps()) as number;
const withArgument = answer(plain, 'TOKPS', tokps(result)) as number;
const stored: StoredCalibration = { name: 'Calibration', result };

/** A workbook whose settings were saved with this value, opened again. */
async function savedWorkbook(value: unknown): Promise<FakeSettings> {
  const settings = new FakeSettings();
  settings.set(CALIBRATION_SETTING, value);
  await saveSettings(settings);
  return settings.reopen();
}

async function started(settings: FakeSettings): Promise<SizerRuntime> {
  const runtime = new SizerRuntime({ storage: null, settings: () => settings });
  await runtime.whenReady();
  return runtime;
}

describe('the named calibration kept in the document settings', () => {
  it('the fit moves this cell (so the tests below can tell the answers apart)', () => {
    expect(Math.abs(withArgument - published)).toBeGreaterThan(0.01);
  });

  it('read at start, it is the calibrated basis of every function, as the same result given as an argument', async () => {
    const runtime = await started(await savedWorkbook(stored));
    expect(answer(runtime, 'TOKPS', tokps())).toBe(withArgument);
    expect(answer(runtime, 'TOKPS', tokps('Calibration', null))).toBe(withArgument);
    expect(answer(runtime, 'TOKPS', tokps('published'))).toBe(published);
    // A refit starts from the shipped constants, not from the calibration in use: the same table, the same result.
    expect(answer(runtime, 'CALIBRATE', [TABLE])).toEqual(result);
    // The reference basis is the reference basis, calibration or not.
    expect(answer(runtime, 'TOKPS', tokps(null, 'reference'))).toBe(answer(plain, 'TOKPS', tokps(null, 'reference')));
  });

  it('a call made before Office is ready waits, then answers with the stored calibration', async () => {
    const settings = await savedWorkbook(stored);
    let ready = (): void => undefined;
    const officeReady = new Promise<void>((resolve) => (ready = resolve));
    const runtime = new SizerRuntime({ storage: null, settings: () => settings, officeReady });
    const early = runtime.call('TOKPS', tokps());
    expect(early).toBeInstanceOf(Promise);
    ready();
    expect(await early).toBe(withArgument);
  });

  it('per-user storage that fails or never answers does not cost the workbook its calibration', async () => {
    const settings = await savedWorkbook(stored);
    const failing = { getItem: () => Promise.reject(new Error('storage unavailable')), setItem: () => Promise.resolve(), removeItem: () => Promise.resolve() };
    const silent = { getItem: () => new Promise<string | null>(() => undefined), setItem: () => Promise.resolve(), removeItem: () => Promise.resolve() };
    for (const storage of [failing, silent]) {
      const runtime = new SizerRuntime({ storage, settings: () => settings, waitMs: 20 });
      await runtime.whenReady();
      expect(answer(runtime, 'TOKPS', tokps())).toBe(withArgument);
    }
  });

  it('a setting set but never saved is not in the workbook when it is opened again', async () => {
    const settings = new FakeSettings();
    settings.set(CALIBRATION_SETTING, stored);
    expect(answer(await started(settings.reopen()), 'TOKPS', tokps())).toBe(published);
  });

  it('a setting that is not a SIZER calibration is ignored: the shipped fit answers', async () => {
    for (const value of [null, 'Calibration', { name: 'x', result: [['rows', 'three']] }, { name: '', result }, { name: 'x', result: result.slice(0, 5) }, { name: 'x', result: [[1, 2, 3]] }]) {
      expect(answer(await started(await savedWorkbook(value)), 'TOKPS', tokps())).toBe(published);
    }
  });

  it('setCalibration swaps it and says whether anything changed; a read finishing later does not undo it', async () => {
    const named = namedCalibrationOf(stored, bundledCalibration());
    const runtime = new SizerRuntime();
    expect(runtime.setCalibration(named)).toBe(true);
    expect(answer(runtime, 'TOKPS', tokps())).toBe(withArgument);
    expect(runtime.setCalibration(namedCalibrationOf(stored, bundledCalibration()))).toBe(false);
    expect(runtime.setCalibration(null)).toBe(true);
    expect(answer(runtime, 'TOKPS', tokps())).toBe(published);

    const settings = await savedWorkbook(stored);
    const slow = new SizerRuntime({ storage: null, settings: () => settings, officeReady: new Promise((resolve) => setTimeout(resolve, 20)) });
    slow.setCalibration(null);
    await slow.whenReady();
    expect(answer(slow, 'TOKPS', tokps())).toBe(published);
  });

  it('keeps the calibration when anchors change, and the anchors when the calibration changes', async () => {
    const anchors = parseAnchors(fs.readFileSync(path.resolve(__dirname, '../../data/anchors.example.json'), 'utf8'), 'json');
    const anchoredOnly = new SizerRuntime();
    anchoredOnly.setAnchors(anchors);
    const anchoredCell = ['NPU Mid', 'skippy_finetune', 'Q4_K_M'];
    const runtime = await started(await savedWorkbook(stored));
    expect(runtime.setAnchors(anchors)).toBe(true);
    expect(answer(runtime, 'TOKPS', tokps())).toBe(withArgument);
    expect(runtime.setCalibration(null)).toBe(true);
    expect(answer(runtime, 'TOKPS', anchoredCell)).toBe(answer(anchoredOnly, 'TOKPS', anchoredCell));
    expect(answer(runtime, 'TOKPS', anchoredCell)).not.toBe(answer(plain, 'TOKPS', anchoredCell));
  });

  it('parseStoredCalibration keeps what SIZER writes and nothing else', () => {
    expect(parseStoredCalibration(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(parseStoredCalibration({ name: 'x'.repeat(101), result })).toBeNull();
    expect(parseStoredCalibration({ name: 'x', result: [['rows', { n: 3 }]] })).toBeNull();
  });
});
