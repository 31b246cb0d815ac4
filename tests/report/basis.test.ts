/**
 * Every sheet states its basis: the last of its notes is the engine's sentence for the basis its
 * numbers are on. A sheet claims the calibrated basis only when its builder put its numbers on it, and
 * then some number of it moved on a tier whose decode is projected; a sheet that does not follow says
 * so. The reference basis (the default) changes no number.
 */
import { basisMeaning } from '../../src/engine';
import { buildSheet, buildWorkbook, defaultConfig, SHEET_IDS, type SheetId, type SizingConfig } from '../../src/report';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
/** A ladder tier whose LLM decode is a cross-class projection, so the calibrated basis moves it. */
const base: SizingConfig = { ...defaultConfig(engine.catalog), tier: 'low-lp5x' };
const calibrated: SizingConfig = { ...base, basis: 'calibrated' };

const lastNote = (notes: readonly string[]): string => notes[notes.length - 1] ?? '';

/** The sheets with LLM decode numbers (or numbers read from decode: duty cycles, answer times, FPS under LLM load). */
const FOLLOWS: readonly SheetId[] = [
  'this-config',
  'kpi',
  'matrix',
  'cross-tier-llm',
  'cross-model',
  'duty-curve',
  'llm-timing',
  'context-curve',
  'kpi-summary',
  'precision',
  'workload-mix',
];

describe('every sheet states its basis', () => {
  const sheets = new Map(SHEET_IDS.map((id) => [id, { reference: buildSheet(engine, id, base), calibrated: buildSheet(engine, id, calibrated) }]));

  it.each(SHEET_IDS)('%s: its notes end with the basis it is on', (id) => {
    const { reference, calibrated: cal } = sheets.get(id)!;
    expect(lastNote(reference.notes)).toBe(`Basis: ${basisMeaning(engine.calibration, 'reference')}`);
    if (FOLLOWS.includes(id)) {
      expect(cal.basis).toBe('calibrated');
      expect(lastNote(cal.notes)).toBe(`Basis: ${basisMeaning(engine.calibration, 'calibrated')}`);
    } else {
      expect(cal.basis ?? 'reference').toBe('reference');
      expect(lastNote(cal.notes)).toMatch(/^Basis: reference numbers on this sheet, although the calibrated basis was asked for: /);
      expect(lastNote(cal.notes)).toContain(basisMeaning(engine.calibration, 'reference'));
    }
  });

  // The precision what-if exists only for the tiers with a precision ladder (Mid, High), whose decode is a
  // measured anchor: kept on both bases (decision 0028), so it is checked there for that instead.
  it.each(FOLLOWS.filter((id) => id !== 'precision'))('%s on the calibrated basis moves some number (the tier\'s decode is projected)', (id) => {
    const { reference, calibrated: cal } = sheets.get(id)!;
    expect(cal.rows).not.toEqual(reference.rows);
  });

  it('precision on NPU Mid: measured-anchor decode, kept on the calibrated basis', () => {
    const mid: SizingConfig = { ...base, tier: 'mid' };
    const reference = buildSheet(engine, 'precision', mid);
    const cal = buildSheet(engine, 'precision', { ...mid, basis: 'calibrated' });
    const source = reference.columns.findIndex((c) => c.key === 'source');
    expect(reference.rows.length).toBeGreaterThan(0);
    expect(reference.rows.every((r) => r[source] === null || r[source] === 'measured_anchor')).toBe(true);
    expect(cal.rows).toEqual(reference.rows);
    expect(lastNote(cal.notes)).toBe(`Basis: ${basisMeaning(engine.calibration, 'calibrated')}`);
  });

  it.each(SHEET_IDS.filter((id) => !FOLLOWS.includes(id)))('%s keeps every number on the calibrated basis', (id) => {
    const { reference, calibrated: cal } = sheets.get(id)!;
    expect(cal.rows).toEqual(reference.rows);
  });

  it('the reference basis asked for by name gives the default sheets, number for number', () => {
    for (const id of FOLLOWS.filter((x) => x !== 'matrix')) {
      expect(buildSheet(engine, id, { ...base, basis: 'reference' }).rows).toEqual(sheets.get(id)!.reference.rows);
    }
  });

  it('the workbook\'s cover sheet states the basis too', () => {
    const [cover] = buildWorkbook(engine, calibrated);
    expect(lastNote(cover!.notes)).toBe(`Basis: ${basisMeaning(engine.calibration, 'calibrated')}`);
    expect(cover!.rows).toContainEqual(['Configuration', 'Basis', 'calibrated']);
  });
});
