/**
 * @jest-environment jsdom
 *
 * The pane's controls drive its headline tiles, incompatible choices raise the right warning, and the
 * write actions reach the workbook through the port. Expected numbers come from the engine itself.
 */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEngine, type Engine } from '../../../src/engine';
import { formatTtft } from '../../../src/taskpane/app/headline';
import { customTierText, DEFAULT_CUSTOM, initialState } from '../../../src/taskpane/app/state';
import { bundledCatalog, renderPane } from './render';

const engine: Engine = createEngine(bundledCatalog());

function tileValue(id: string): string {
  return screen.getByTestId(`tile-${id}-value`).textContent ?? '';
}

function badgeSource(id: string): string | null {
  return screen.queryByTestId(`tile-${id}-badge`)?.getAttribute('data-source') ?? null;
}

const one = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const zero = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

async function setNumber(label: string, value: string): Promise<void> {
  const user = userEvent.setup();
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, `${value}{Enter}`);
}

describe('task pane controls and tiles', () => {
  it('opens with the workloads of the reference layout: Vision and VLA on, the LLM off (data/catalog.json)', () => {
    renderPane({ initial: initialState });
    expect(engine.catalog.files['catalog.json'].paneDefaultWorkloads).toEqual(['vision', 'vla']);
    const hw = engine.hardware({ tier: 'high' });
    const vision = engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1 });
    const vla = engine.vla(hw, { vla: engine.catalog.files['vla.json'].defaultModel });
    // No LLM: vision keeps the whole NPU, and the decode tile says the LLM is off.
    expect(tileValue('fps-per-stream')).toBe(one(vision.fpsPerStream));
    expect(tileValue('decode')).toBe('—');
    expect(tileValue('vla')).toBe(vla.actionHz === null ? '—' : `${one(vla.actionHz)} Hz`);
  });

  it('opens with the reference defaults (NPU High, default pipeline, production model) and live tiles with badges', () => {
    renderPane();
    expect(screen.getByLabelText('NPU tier')).toHaveValue('high');
    expect(screen.getByLabelText('Pipeline')).toHaveValue('trt_fp8_1hz_clip');
    expect(screen.getByLabelText('LLM model')).toHaveValue('skippy_7b_v4');
    const hw = engine.hardware({ tier: 'high' });
    const llm = engine.llmModel(hw, 'skippy_7b_v4', { quant: 'Q4_K_M', workload: 'plain_chat' });
    const vision = engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1 });
    const duty = (2 / 60) * llm.shortAnswerSec;
    expect(tileValue('decode')).toBe(`${one(llm.decodeTokS)} tok/s`);
    expect(tileValue('ttft')).toBe(formatTtft(llm.ttft1kSec));
    expect(tileValue('latency')).toBe(`${one(llm.shortAnswerSec)} s`);
    expect(tileValue('duty')).toBe(`${zero(duty * 100)}%`);
    expect(tileValue('fps-per-stream')).toBe(one(vision.fpsPerStream * (1 - duty)));
    expect(tileValue('memory-fit')).toBe('✓ fits');
    expect(badgeSource('decode')).toBe(llm.source);
    expect(badgeSource('fps-per-stream')).toBe(vision.source);
    expect(screen.getByTestId('hardware-caption')).toHaveTextContent(/^NPU High: 128-bit/);
    expect(screen.queryByTestId('warning-dtype-mismatch')).toBeNull();
  });

  it('tier, model and quant drive the LLM tiles; an FP16 model on INT8-only NPU Mid raises the dtype-mismatch warning', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.selectOptions(screen.getByLabelText('NPU tier'), 'mid');
    const warning = screen.getByTestId('warning-dtype-mismatch');
    expect(warning).toHaveTextContent(/dtype mismatch: Skippy 7B v4 .* cannot run on NPU Mid/);
    expect(warning).toHaveTextContent(/NPU Mid cannot run skippy_7b_v4 \(needs fp16 compute\); NPU Mid is INT8-only/);
    // The alternatives come from the catalog's dtype gate, not from a list in code.
    expect(warning).toHaveTextContent(/Tiers that run it: [^.]*NPU High/);
    expect(warning).toHaveTextContent(`Models that run here: ${engine.orderedModels(engine.hardware({ tier: 'mid' })).filter((m) => m.compatible).map((m) => m.model.label).join(', ')}.`);
    expect(tileValue('decode')).toBe('—');
    expect(tileValue('duty')).toBe('—');

    await user.selectOptions(screen.getByLabelText('LLM model'), 'skippy_finetune');
    await user.selectOptions(screen.getByLabelText('Quant'), 'Q8_0');
    expect(screen.queryByTestId('warning-dtype-mismatch')).toBeNull();
    const mid = engine.hardware({ tier: 'mid' });
    const llm = engine.llmModel(mid, 'skippy_finetune', { quant: 'Q8_0' });
    expect(tileValue('decode')).toBe(`${one(llm.decodeTokS)} tok/s`);
    expect(badgeSource('decode')).toBe(llm.source);
  });

  it('lists the models a tier cannot run last, marked', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.selectOptions(screen.getByLabelText('NPU tier'), 'mid');
    const options = within(screen.getByLabelText('LLM model')).getAllByRole('option');
    const ordered = engine.orderedModels(engine.hardware({ tier: 'mid' }));
    expect(options.map((o) => o.getAttribute('value'))).toEqual(ordered.map((m) => m.model.key));
    const firstBad = ordered.findIndex((m) => !m.compatible);
    expect(firstBad).toBeGreaterThan(0);
    // The red mark, then the role icon (the legend under the picker says what the mark means).
    expect(options.slice(firstBad).every((o) => /^🔴 (🚀|🔬|📚|⚙️) /u.test(o.textContent ?? ''))).toBe(true);
    expect(screen.getByTestId('model-legend')).toHaveTextContent("🔴 won't run on this NPU tier");
    expect(options.slice(0, firstBad).some((o) => o.textContent?.startsWith('🔴'))).toBe(false);
  });

  it('cameras, pipeline and resolution drive the vision tiles', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.click(screen.getByRole('switch', { name: 'LLM' }));
    await user.selectOptions(screen.getByLabelText('Pipeline track'), 'yolov8n');
    await user.selectOptions(screen.getByLabelText('Pipeline'), 'yolov8n_only_fp8');
    await user.selectOptions(screen.getByLabelText('Resolution'), '4K');
    await setNumber('Cameras', '4');
    const v = engine.vision(engine.hardware({ tier: 'high' }), { pipeline: 'yolov8n_only_fp8', resolution: '4K', streams: 4 });
    expect(tileValue('fps-per-stream')).toBe(one(v.fpsPerStream));
    expect(tileValue('total-fps')).toBe(zero(v.fpsPerStream * 4));
    expect(tileValue('decode')).toBe('—');
    expect(badgeSource('fps-per-stream')).toBe(v.source ?? 'none');
  });

  it('offers memory upgrades and precision sets only where the tier allows them', async () => {
    const user = userEvent.setup();
    renderPane();
    expect(screen.getByLabelText('Memory upgrade')).toBeEnabled();
    expect(screen.getByLabelText('Precision set')).toBeEnabled();
    await user.selectOptions(screen.getByLabelText('NPU tier'), 'low-lp5x');
    expect(screen.getByLabelText('Memory upgrade')).toBeDisabled();
    expect(screen.getByLabelText('Precision set')).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('NPU tier'), 'mid');
    await user.selectOptions(screen.getByLabelText('LLM model'), 'skippy_finetune');
    await user.selectOptions(screen.getByLabelText('Memory upgrade'), 'lpddr6-14');
    const clone = engine.hardware({ tier: 'mid', memory: 'lpddr6-14' });
    const llm = engine.llmModel(clone, 'skippy_finetune', {});
    expect(tileValue('decode')).toBe(`${one(llm.decodeTokS)} tok/s`);
    expect(screen.getByTestId('tile-decode')).toHaveTextContent('BW-proj');
    expect(badgeSource('decode')).toBe('same_class_anchor');
  });

  it('warns when the LLM oversubscribes the NPU (duty >= 1) and starves vision to 0 FPS', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.selectOptions(screen.getByLabelText('Answer length'), 'rag');
    await setNumber('Queries per minute', '60');
    const warning = screen.getByTestId('warning-llm-oversubscribed');
    expect(warning).toHaveTextContent('NPU oversubscribed by the LLM');
    expect(warning).toHaveTextContent(/60\.0 RAG queries\/min/);
    expect(tileValue('fps-per-stream')).toBe('0.0');
    const llm = engine.llmModel(engine.hardware({ tier: 'high' }), 'skippy_7b_v4', {});
    expect(tileValue('latency')).toBe(`${one(llm.ragTotalSec)} s`);
  });

  it('NPU share drives the bandwidth-bound numbers and marks the tiles', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.selectOptions(screen.getByLabelText('NPU share'), '0.25');
    const llm = engine.llmModel(engine.hardware({ tier: 'high' }), 'skippy_7b_v4', { npuShare: 0.25 });
    expect(tileValue('decode')).toBe(`${one(llm.decodeTokS)} tok/s`);
    expect(screen.getByTestId('tile-decode')).toHaveTextContent('@ 25% NPU');
  });

  it('VLA on: a control-loop tile from the engine, and a warning where the model cannot run', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.click(screen.getByRole('switch', { name: 'VLA' }));
    // The reference layout's default VLA model: NORA-3B, one camera, 1.8 Hz on High; its tiles say how they were derived.
    expect(screen.getByLabelText('VLA model')).toHaveValue('nora_3b');
    expect(screen.getByTestId('tile-vla-cameras')).toHaveTextContent('aggregate (× 1 cam)');
    expect(screen.getByTestId('tile-vla-derivation')).toHaveTextContent('How this was derived');
    await user.selectOptions(screen.getByLabelText('VLA model'), 'pi_0p5');
    const high = engine.vla(engine.hardware({ tier: 'high' }), { vla: 'pi_0p5', cameras: 1, fleetSize: 1, cameraMode: 'native' });
    expect(high.runs).toBe(true);
    expect(tileValue('vla')).toBe(`${one(high.actionHz!)} Hz`);
    await user.selectOptions(screen.getByLabelText('NPU tier'), 'mid');
    const mid = engine.vla(engine.hardware({ tier: 'mid' }), { vla: 'pi_0p5', cameras: 1, fleetSize: 1, cameraMode: 'native' });
    expect(mid.runs).toBe(false);
    expect(screen.getByTestId('warning-vla-does-not-run')).toHaveTextContent(`does not run on NPU Mid${mid.reason}`);
  });

  it('VLA as in the reference: track selector, paper caption, fixed or ranged rates, an off-default rate makes the badge a what-if, a missed target is flagged', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.click(screen.getByRole('switch', { name: 'VLA' }));
    // NORA-3B is scheduled at one rate only: a fixed caption, no field.
    expect(screen.getByTestId('rate-fixed-VLM rate (Hz)')).toHaveTextContent('VLM rate (Hz): 30 (fixed');
    expect(screen.getByTestId('vla-paper')).toHaveTextContent('LIBERO success 72%');
    await user.selectOptions(screen.getByLabelText('VLA track'), 'fp_required');
    // The FP-required track lists NORA-1.5 and pi0.5 (data/vla.json), and moves to its first model.
    expect(screen.getByLabelText('VLA model')).toHaveValue('nora_1p5');
    await user.selectOptions(screen.getByLabelText('VLA model'), 'pi_0p5');
    // With one camera pi0.5 (measured with three) is already an extrapolation; at its three cameras it is calibrated.
    expect(badgeSource('vla')).toBe('cross_class (what-if)');
    await setNumber('Cameras', '3');
    expect(badgeSource('vla')).toBe('calibrated');
    await setNumber('VLM rate (Hz)', '3');
    expect(badgeSource('vla')).toBe('cross_class (what-if)');
    expect(screen.getByTestId('tile-vla-badge')).toHaveTextContent('what-if');
    await setNumber('Target action rate (Hz)', '500');
    expect(screen.getByTestId('tile-vla')).toHaveTextContent('⚠ target 500 Hz not reached');
  });

  it('the LLM model picker carries the role icons, sinks what the tier cannot run, and shows the legend', async () => {
    renderPane();
    expect(screen.getByTestId('model-legend')).toHaveTextContent('🚀 production · 🔬 fine-tune · 📚 stock base · ⚙️ perf reference · 🔴 won\'t run on this NPU tier');
    const options = Array.from((screen.getByLabelText('LLM model') as HTMLSelectElement).options).map((o) => o.textContent ?? '');
    // NPU High runs every model: the production model first, no red marks.
    expect(options[0]).toMatch(/^🚀 PROD · Skippy 7B v4/);
    expect(options.some((o) => o.startsWith('🔴'))).toBe(false);
  });

  it('memory fit adds up what the workloads need: each fits alone on NPU High, together they spill', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.selectOptions(screen.getByLabelText('LLM model'), 'skippy_finetune');
    await user.click(screen.getByRole('switch', { name: 'VLA' }));
    await user.selectOptions(screen.getByLabelText('VLA track'), 'autoregressive');
    await user.selectOptions(screen.getByLabelText('VLA model'), 'openvla_7b_single');
    expect(tileValue('memory-fit')).toBe('✓ fits');
    await setNumber('Fleet size', '2');
    // 250 MB vision + 18.0 GB model + 2 x 7.5 GB VLA + its 0.5 GB margin = 33.7 GB of 32 (data/ catalog).
    expect(tileValue('memory-fit')).toBe('✗ spills');
    expect(screen.getByTestId('tile-memory-fit')).toHaveTextContent('250 MB vision + 18.0 GB LLM + 15.0 GB VLA + 0.5 GB margin of 32 GB');
    expect(screen.getByTestId('warning-memory-spills')).toHaveTextContent(/together they need 33\.7 GB; NPU High has 32 GB/);
    expect(screen.queryByTestId('warning-llm-wont-fit')).toBeNull();
  });

  it('the custom-tier builder produces the custom tier text form, and the tiles follow it', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.click(screen.getByRole('switch', { name: 'Custom NPU (override tier)' }));
    expect(screen.getByTestId('custom-tier-text')).toHaveTextContent(customTierText(DEFAULT_CUSTOM));
    await user.selectOptions(screen.getByLabelText('Bus width (bits)'), '256');
    await setNumber('Capacity (GB)', '64');
    const text = customTierText({ ...DEFAULT_CUSTOM, busWidthBits: 256, capacityGb: 64 });
    expect(screen.getByTestId('custom-tier-text')).toHaveTextContent(text);
    expect(text).toMatch(/^custom: name=Custom NPU; .*cap=64; bus=256;/);
    const hw = engine.hardware({ tier: text });
    const llm = engine.llmModel(hw, 'skippy_7b_v4', {});
    expect(tileValue('decode')).toBe(`${one(llm.decodeTokS)} tok/s`);
    expect(screen.getByTestId('hardware-caption')).toHaveTextContent(/^Custom NPU: 256-bit LPDDR5X/);
    // Memory upgrades and preset precision sets do not apply to a custom tier.
    expect(screen.getByLabelText('Memory upgrade')).toBeDisabled();
  });

  it('a custom tier the engine refuses shows why instead of numbers', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.click(screen.getByRole('switch', { name: 'Custom NPU (override tier)' }));
    for (const label of ['INT8 TOPS', 'BF16 TOPS', 'FP8 TOPS']) await setNumber(label, '0');
    expect(screen.getByTestId('warning-invalid-config')).toHaveTextContent('This hardware cannot be sized');
    expect(screen.queryByTestId('tile-decode-value')).toBeNull();
  });
});

describe('task pane actions', () => {
  it('"Write KPI sheet" writes the KPI model of the current configuration and says where', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    pane.workbook.addUserSheet('KPI', { A1: 'mine' });
    await user.selectOptions(screen.getByLabelText('KPI sheet scope'), 'this');
    await user.click(screen.getByRole('button', { name: 'Write KPI sheet' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote KPI (2)'));
    expect(screen.getByTestId('write-status')).toHaveTextContent('"KPI" exists and was not written by SIZER');
    const sheet = pane.workbook.sheet('KPI (2)')!;
    expect(sheet.tables).toHaveLength(1);
    expect(pane.workbook.sheet('KPI')!.cells.get('A1')!.value).toBe('mine');
    // This pipeline only: one data row.
    expect(sheet.tables[0]!.address).toMatch(/^A\d+:[A-Z]+\d+$/);
    const [, first, last] = /^A(\d+):[A-Z]+(\d+)$/.exec(sheet.tables[0]!.address)!;
    expect(Number(last) - Number(first)).toBe(1);
  });

  it('"Write full matrix" shows progress and writes the matrix in several syncs', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    const click = user.click(screen.getByRole('button', { name: 'Write full matrix' }));
    await waitFor(() => expect(screen.getByTestId('write-progress')).toBeInTheDocument());
    await click;
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Full matrix'), { timeout: 20000 });
    expect(screen.queryByTestId('write-progress')).toBeNull();
    expect(pane.workbook.syncs).toBeGreaterThan(2);
    expect(pane.workbook.sheet('Full matrix')!.tables).toHaveLength(1);
  });

  it('"Write cross-tier and cross-model", "stream scaling" and "duty curve" add their sheets with charts', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    await user.click(screen.getByRole('button', { name: 'Write cross-tier and cross-model' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Cross-tier vision, Cross-tier LLM, Cross-tier VLA, Cross-model LLM'));
    await user.click(screen.getByRole('button', { name: 'Write stream scaling + chart' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Stream scaling'));
    await user.click(screen.getByRole('button', { name: 'Write duty curve + chart' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Duty curve'));
    await user.click(screen.getByRole('button', { name: 'Write LLM timing and context curve + charts' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote LLM timing, Context curve'));
    await user.click(screen.getByRole('button', { name: 'Write this config' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote This config'));
    for (const name of ['Cross-tier vision', 'Cross-tier LLM', 'Cross-tier VLA', 'Cross-model LLM', 'Stream scaling', 'Duty curve', 'LLM timing', 'Context curve']) {
      expect(pane.workbook.sheet(name)!.charts).toHaveLength(1);
    }
  });

  it('"Write KPI summary", "Write LLM views" and "Write vision and VLA views" add the reference\'s on-screen views, each set to print', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    await user.click(screen.getByRole('button', { name: 'Write KPI summary' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote KPI summary'));
    await user.click(screen.getByRole('button', { name: 'Write LLM views' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Precision what-if, Accuracy, Performance, Workload mix'));
    await user.click(screen.getByRole('button', { name: 'Write vision and VLA views' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote DRAM bandwidth, Cross-pipeline vision, Cross-model VLA'));
    for (const name of ['KPI summary', 'Precision what-if', 'Accuracy', 'Performance', 'Workload mix', 'DRAM bandwidth', 'Cross-pipeline vision', 'Cross-model VLA']) {
      expect(pane.workbook.sheet(name)!.pageLayout.orientation).toBe('Landscape');
    }
  });

  it('"Insert procurement model" writes the Inputs sheet from the current configuration', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    await user.selectOptions(screen.getByLabelText('NPU tier'), 'mid');
    await user.click(screen.getByRole('button', { name: 'Insert procurement model' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Inputs'));
    const sheet = pane.workbook.sheet('Inputs')!;
    // The named Tier cell (its row follows the notes above it, which end with the basis line).
    const tier = sheet.names.find((n) => n.name === 'Tier')!.reference.replace(/^.*!/, '').replace(/\$/g, '');
    expect(sheet.cells.get(tier)!.value).toBe('NPU Mid');
    expect([...sheet.cells.values()].map((c) => c.value)).toEqual(expect.arrayContaining([expect.stringMatching(/^Basis: Reference numbers: /)]));
    expect(sheet.names.map((n) => n.name)).toEqual(expect.arrayContaining(['Tier', 'Cameras', 'UnitPrice', 'DevicesNeeded', 'TotalCost']));
  });

  it('"Insert procurement comparison" writes the comparison sheet: named requirements and a live SIZER.PLAN', async () => {
    const user = userEvent.setup();
    const pane = renderPane();
    await user.click(screen.getByRole('button', { name: 'Insert procurement comparison' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Procurement comparison'));
    const sheet = pane.workbook.sheet('Procurement comparison')!;
    expect(sheet.names.map((n) => n.name)).toEqual(expect.arrayContaining(['Sites', 'Cameras', 'UnitPrice', 'PricePerKwh', 'Requirements', 'Prices']));
    expect([...sheet.cells.values()].some((c) => c.formula === '=SIZER.PLAN(Requirements, , Prices)')).toBe(true);
    expect(sheet.charts).toHaveLength(1);
  });

  it('a failed write says nothing was written and why', async () => {
    const user = userEvent.setup();
    const failing = {
      writeSheets: () => Promise.reject(new Error('Excel is not available: open SIZER from Excel')),
      insertProcurementModel: () => Promise.reject(new Error('no')),
      insertProcurementComparison: () => Promise.reject(new Error('no')),
      loadAnchorsText: async () => null,
      storeAnchorsText: async () => undefined,
      clearAnchorsText: async () => undefined,
      recalculateWorkbook: async () => undefined,
      insertCalibrationSheet: () => Promise.reject(new Error('no')),
      readActiveLabTable: async () => null,
      loadCalibration: async () => null,
      storeCalibration: async () => undefined,
      clearCalibration: async () => undefined,
    };
    renderPane({ port: failing });
    await user.click(screen.getByRole('button', { name: 'Write KPI sheet' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Nothing was written'));
    expect(screen.getByTestId('write-status')).toHaveTextContent('Excel is not available');
    await act(async () => undefined);
  });
});
