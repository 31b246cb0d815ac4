/**
 * @jest-environment jsdom
 *
 * The "Reference numbers / Calibrated to measurements" switch: toggling it moves the decode tile's
 * number and its 80% band, and the sheets the pane writes then carry that basis in their numbers and
 * notes. Expected numbers: the calibrated decode from the engine's own basis API (decodeOnBasis, asked
 * directly with basis 'calibrated'), the bands from data/calibration.json read as a file, and the
 * answer length from data/llm.json.
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogModelShape, createEngine, type Engine } from '../../../src/engine';
import type { PaneState } from '../../../src/taskpane/app/state';
import { bundledCatalog, renderPane, visionAndLlm } from './render';
import { workloadDecodeMultiplier } from '../../helpers/workloads';

const engine: Engine = createEngine(bundledCatalog());
interface Ratios {
  lowRatio: number;
  highRatio: number;
}
const calibrationFile = JSON.parse(readFileSync(join(__dirname, '../../../data/calibration.json'), 'utf8')) as {
  bands: Record<'reference' | 'calibrated', Ratios>;
  classBands: { fps: { crossClass: Ratios }; ttft: { crossClass: Ratios } };
};
const llmFile = JSON.parse(readFileSync(join(__dirname, '../../../data/llm.json'), 'utf8')) as { shortAnswerTokens: number };

/** A tier whose decode for the production model is a cross-class projection: the calibrated basis replaces it. */
const TIER = 'low-lp5x';
const onTier = (e: Engine): PaneState => ({ ...visionAndLlm(e), tierId: TIER });

const text = (testId: string): string => screen.getByTestId(testId).textContent ?? '';
const one = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The band as the tile shows it: whole numbers from 10 up, one decimal below. */
function band(low: number, high: number): string {
  const digits = Math.min(low, high) >= 10 ? 0 : 1;
  const f = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `(${f(low)}-${f(high)})`;
}

function expected(): { reference: number; calibrated: number } {
  const hw = engine.hardware({ tier: TIER });
  const state = visionAndLlm(engine);
  const m = engine.llmModel(hw, state.llm.model, { quant: state.llm.quant, workload: state.llm.workload });
  // The case this test is about: a projected number (not measured), which the calibrated basis replaces.
  expect(m.source).toBe('cross_class');
  const calibrated = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: m.decodeTokS, source: m.source, multiplier: workloadDecodeMultiplier(m.workload) }, catalogModelShape(engine.catalog, m.model, m.quant));
  expect(calibrated.calibrated).not.toBeNull();
  return { reference: m.decodeTokS, calibrated: calibrated.decodeTokS };
}

describe('the basis switch', () => {
  it('starts on reference numbers: the decode tile shows the reference number and the reference basis band', () => {
    renderPane({ initial: onTier });
    const { reference } = expected();
    const b = calibrationFile.bands.reference;
    expect(screen.getByRole('switch', { name: 'Calibrated to measurements' })).not.toBeChecked();
    expect(text('tile-decode-value')).toBe(`${one(reference)} tok/s`);
    expect(text('tile-decode-band')).toBe(band(reference * b.lowRatio, reference * b.highRatio));
    expect(text('basis-meaning')).toMatch(/^Reference numbers: /);
  });

  it('toggled, the decode tile shows the calibrated number with the calibrated band, and the answer time follows; toggled back, the reference again', async () => {
    const user = userEvent.setup();
    renderPane({ initial: onTier });
    const { reference, calibrated } = expected();
    // The calibrated basis moves this number by more than the tile's rounding (one decimal), so the two
    // tiles differ; the bands differ far more (checked below).
    expect(one(calibrated)).not.toBe(one(reference));
    await user.click(screen.getByRole('switch', { name: 'Calibrated to measurements' }));
    const b = calibrationFile.bands.calibrated;
    expect(text('tile-decode-value')).toBe(`${one(calibrated)} tok/s`);
    expect(text('tile-decode-band')).toBe(band(calibrated * b.lowRatio, calibrated * b.highRatio));
    // A short answer is its tokens at the decode rate: 200 tokens (data/llm.json) at the calibrated tok/s.
    expect(text('tile-latency-value')).toBe(`${one(llmFile.shortAnswerTokens / calibrated)} s`);
    expect(text('basis-meaning')).toMatch(/^Calibrated to measurements: /);
    await user.click(within(screen.getByTestId('tile-decode-derivation')).getByRole('button', { name: 'How this was derived' }));
    expect(screen.getByTestId('tile-decode-derivation')).toHaveTextContent(/Calibrated to measurements: .* in place of the reference's /);

    await user.click(screen.getByRole('switch', { name: 'Calibrated to measurements' }));
    expect(text('tile-decode-value')).toBe(`${one(reference)} tok/s`);
  });

  it('FPS and TTFT tiles show the band of their provenance class, in the units of their number', () => {
    renderPane({ initial: onTier });
    const classBands = calibrationFile.classBands;
    const fpsBand = classBands.fps.crossClass;
    // The FPS tile's number is rounded to one decimal; the band is the class's ratios around the unrounded number,
    // so read both ends back as ratios of the shown number and allow for that rounding.
    const fps = Number(text('tile-fps-per-stream-value'));
    const [low, high] = /^\((.+)-(.+)\)$/.exec(text('tile-fps-per-stream-band'))!.slice(1).map(Number) as [number, number];
    expect(low / fps).toBeCloseTo(fpsBand.lowRatio, 1);
    expect(high / fps).toBeCloseTo(fpsBand.highRatio, 1);
    // TTFT: a cross-class projection on this tier; both ends in the tile's own units (ms below 0.1 s).
    const ttft = classBands.ttft.crossClass;
    const seconds = (shown: string): number => {
      const [, n, unit] = /^(\d+(?:\.\d+)?) (ms|s)$/.exec(shown.trim())!;
      return Number(n) / (unit === 'ms' ? 1000 : 1);
    };
    const ttftShown = seconds(text('tile-ttft-value'));
    const [ttftLow, ttftHigh] = /^\((.+)-(.+)\)$/.exec(text('tile-ttft-band'))!.slice(1).map(seconds) as [number, number];
    expect(ttftLow / ttftShown).toBeCloseTo(ttft.lowRatio, 1);
    expect(ttftHigh / ttftShown).toBeCloseTo(ttft.highRatio, 1);
  });

  it('the sheets the pane writes follow the switch: calibrated decode in the cross-tier LLM table, and the basis in every sheet\'s notes', async () => {
    const user = userEvent.setup();
    const pane = renderPane({ initial: onTier });
    const { calibrated } = expected();
    await user.click(screen.getByRole('switch', { name: 'Calibrated to measurements' }));
    await user.click(screen.getByRole('button', { name: 'Write cross-tier and cross-model' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Cross-tier vision, Cross-tier LLM, Cross-tier VLA, Cross-model LLM'));
    const values = (name: string): unknown[] => [...pane.workbook.sheet(name)!.cells.values()].map((c) => c.value);
    const tierName = engine.catalog.tierById[TIER]!.name;
    const llmSheet = pane.workbook.sheet('Cross-tier LLM')!;
    const cells = [...llmSheet.cells.entries()];
    const tierCell = cells.find(([, c]) => c.value === tierName)!;
    const row = /\d+$/.exec(tierCell[0])![0];
    // Column B is decode tok/s, C and D its band (the sheet's column order).
    expect(llmSheet.cells.get(`B${row}`)!.value).toBeCloseTo(calibrated, 9);
    const b = calibrationFile.bands.calibrated;
    expect(llmSheet.cells.get(`C${row}`)!.value).toBeCloseTo(calibrated * b.lowRatio, 9);
    expect(llmSheet.cells.get(`D${row}`)!.value).toBeCloseTo(calibrated * b.highRatio, 9);
    expect(values('Cross-tier LLM')).toEqual(expect.arrayContaining([expect.stringMatching(/^Basis: Calibrated to measurements: /)]));
    // The vision sheet has no number the calibrated basis replaces: it says it stays on reference numbers.
    expect(values('Cross-tier vision')).toEqual(expect.arrayContaining([expect.stringMatching(/^Basis: reference numbers on this sheet, although the calibrated basis was asked for/)]));
  });

  it('the procurement sheets follow the pane when it is calibrated: their LLM formulas pass the basis, and their notes say the calibrated basis', async () => {
    const user = userEvent.setup();
    const pane = renderPane({ initial: onTier });
    await user.click(screen.getByRole('switch', { name: 'Calibrated to measurements' }));
    await user.click(screen.getByRole('button', { name: 'Insert procurement model' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Inputs'));
    await user.click(screen.getByRole('button', { name: 'Insert procurement comparison' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Procurement comparison'));
    for (const name of ['Inputs', 'Procurement comparison']) {
      const values = [...pane.workbook.sheet(name)!.cells.values()].map((c) => c.value);
      expect(values).toEqual(expect.arrayContaining([expect.stringMatching(/^Basis: Calibrated to measurements: /)]));
      expect(values).not.toEqual(expect.arrayContaining([expect.stringMatching(/^Basis: reference numbers on this sheet/)]));
    }
    const formulas = (name: string): string[] => [...pane.workbook.sheet(name)!.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
    const inputs = formulas('Inputs');
    for (const fn of ['TOKPS', 'DUTY', 'FPSUNDERLLM']) {
      const formula = inputs.find((f) => f.includes(`SIZER.${fn}(`));
      expect(formula).toMatch(/, "calibrated"\)\)?$/);
    }
    // Vision capacity is the same on either basis: its formula takes no basis.
    expect(inputs.find((f) => f.includes('SIZER.MAXSTREAMS('))).not.toContain('calibrated');
    expect(formulas('Procurement comparison')).toContain('=SIZER.PLAN(Requirements, , Prices, , "calibrated")');
  });

  it('on the reference basis the procurement sheets keep the formulas written before the basis existed', async () => {
    const user = userEvent.setup();
    const pane = renderPane({ initial: onTier });
    await user.click(screen.getByRole('button', { name: 'Insert procurement comparison' }));
    await waitFor(() => expect(screen.getByTestId('write-status')).toHaveTextContent('Wrote Procurement comparison'));
    const cells = [...pane.workbook.sheet('Procurement comparison')!.cells.values()];
    expect(cells.map((c) => c.formula)).toContain('=SIZER.PLAN(Requirements, , Prices)');
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining([expect.stringMatching(/^Basis: Reference numbers/)]));
  });
});
