/**
 * `sizer export ... --basis calibrated`: every sheet accepts it and states its basis in its '#' notes;
 * only sheets with LLM decode numbers change numbers; a bad value is refused with the valid list.
 * Expected numbers: the engine's decodeOnBasis asked directly, and the bands of data/calibration.json
 * read as a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExport } from '../../src/cli/export/command';
import { answerLine } from '../../src/cli/query';
import { parseExportArgs, UsageError } from '../../src/cli/export/options';
import { catalogModelShape, referenceModelShape } from '../../src/engine';
import { defaultConfig, SHEET_IDS } from '../../src/report';
import { testEngine } from '../helpers/engine';
import { workloadDecodeMultiplier } from '../helpers/workloads';

const engine = testEngine();
const env = (out: string[]) => ({ commitSha: 'abc1234', version: '9.9.9', now: new Date('2026-11-29T12:00:00Z'), progress: () => undefined, stdout: (d: string | Uint8Array) => out.push(String(d)) });
const bands = (JSON.parse(readFileSync(join(__dirname, '../../data/calibration.json'), 'utf8')) as { bands: Record<'reference' | 'calibrated', { lowRatio: number; highRatio: number }> }).bands;

async function csv(args: readonly string[]): Promise<{ comments: string[]; header: string[]; rows: string[][] }> {
  const out: string[] = [];
  await runExport(engine, parseExportArgs([...args, '--format', 'csv', '--out', '-'], engine.catalog), env(out));
  const lines = out.join('').split('\r\n').filter((l) => l !== '');
  const body = lines.filter((l) => !l.startsWith('#'));
  // The rows these tests read have no quoted commas before the columns they read.
  return { comments: lines.filter((l) => l.startsWith('#')), header: body[0]!.split(','), rows: body.slice(1).map((l) => l.split(',')) };
}

/** A ladder tier whose decode is a cross-class projection (the calibrated basis replaces it). */
const TIER = 'low-lp5x';
const tierName = engine.catalog.tierById[TIER]!.name;

describe('sizer export --basis', () => {
  it('without --basis, a sheet states the reference basis', async () => {
    const { comments } = await csv(['cross-tier-llm']);
    expect(comments).toEqual(expect.arrayContaining([expect.stringMatching(/^# Basis: Reference numbers: /)]));
  });

  it('--basis calibrated puts the cross-tier LLM decode and its band on the calibrated basis', async () => {
    const reference = await csv(['cross-tier-llm']);
    const calibrated = await csv(['cross-tier-llm', '--basis', 'calibrated']);
    expect(calibrated.comments).toEqual(expect.arrayContaining([expect.stringMatching(/^# Basis: Calibrated to measurements: /)]));
    const col = (name: string): number => calibrated.header.indexOf(name);
    const rowOf = (rows: string[][]): string[] => rows.find((r) => r[0] === tierName)!;
    const hw = engine.hardware({ tier: TIER });
    const d = defaultConfig(engine.catalog).llm;
    const m = engine.llmModel(hw, d.model, { quant: d.quant, workload: d.workload });
    expect(m.source).toBe('cross_class');
    const want = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: m.decodeTokS, source: m.source, multiplier: workloadDecodeMultiplier(m.workload) }, catalogModelShape(engine.catalog, m.model, m.quant)).decodeTokS;
    const row = rowOf(calibrated.rows);
    expect(Number(row[col('decode_tok_s')])).toBeCloseTo(want, 9);
    expect(Number(row[col('decode_tok_s_low')])).toBeCloseTo(want * bands.calibrated.lowRatio, 9);
    expect(Number(row[col('decode_tok_s_high')])).toBeCloseTo(want * bands.calibrated.highRatio, 9);
    // On the reference basis the same row keeps the reference's number, with the reference band.
    const ref = rowOf(reference.rows);
    expect(Number(ref[col('decode_tok_s')])).toBeCloseTo(m.decodeTokS, 9);
    expect(Number(ref[col('decode_tok_s_low')])).toBeCloseTo(m.decodeTokS * bands.reference.lowRatio, 9);
  });

  it.each(SHEET_IDS.filter((id) => id !== 'matrix'))('%s accepts --basis calibrated and states a basis', async (id) => {
    const { comments } = await csv([id, '--basis', 'calibrated']);
    expect(comments.filter((c) => c.startsWith('# Basis: '))).toHaveLength(1);
  });

  it('a sheet with no decode number keeps its numbers and says it stays on reference numbers', async () => {
    const reference = await csv(['cross-tier-vision']);
    const calibrated = await csv(['cross-tier-vision', '--basis', 'calibrated']);
    expect(calibrated.rows).toEqual(reference.rows);
    expect(calibrated.comments).toEqual(expect.arrayContaining([expect.stringMatching(/^# Basis: reference numbers on this sheet, although the calibrated basis was asked for/)]));
  });

  it('the matrix CSV on the calibrated basis: vision rows unchanged, the LLM rows decode on the calibrated basis, the basis among the caveats', async () => {
    const reference = await csv(['matrix']);
    const calibrated = await csv(['matrix', '--basis', 'calibrated']);
    expect(reference.comments).toEqual(expect.arrayContaining([expect.stringMatching(/^# Basis: Reference numbers: /)]));
    expect(calibrated.comments).toEqual(expect.arrayContaining([expect.stringMatching(/^# Basis: Calibrated to measurements: /)]));
    const col = (name: string): number => calibrated.header.indexOf(name);
    const category = col('workload_category');
    const vision = (rows: string[][]) => rows.filter((r) => r[category] === 'vision');
    expect(vision(calibrated.rows)).toEqual(vision(reference.rows));
    // The reference basis's LLM row of the tier at Q4_K_M, plain chat, short answers, and the calibrated one.
    const find = (rows: string[][]) => rows.find((r) => r[col('workload_id')] === 'llm_Q4_K_M_plain_chat_short' && r[col('hw_name')] === tierName)!;
    const hw = engine.hardware({ tier: TIER });
    const l = engine.llm(hw, { quant: 'Q4_K_M', workload: 'plain_chat' });
    const want = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: l.decodeTokS, source: l.source, multiplier: workloadDecodeMultiplier(l.workload) }, referenceModelShape(engine.catalog, l.quant)).decodeTokS;
    expect(Number(find(reference.rows)[col('ss_throughput')])).toBeCloseTo(l.decodeTokS, 2);
    // The budget CSV rounds to two decimals, as the reference does.
    expect(Number(find(calibrated.rows)[col('ss_throughput')])).toBeCloseTo(want, 2);
    expect(Math.abs(want - l.decodeTokS)).toBeGreaterThan(0.5);
  });

  it('a bad --basis is refused with the valid list', () => {
    expect(() => parseExportArgs(['kpi', '--format', 'csv', '--out', '-', '--basis', 'measured'], engine.catalog)).toThrow(UsageError);
    expect(() => parseExportArgs(['kpi', '--format', 'csv', '--out', '-', '--basis', 'measured'], engine.catalog)).toThrow('--basis: unknown basis "measured"; valid: reference, calibrated');
  });
});

describe('sizer query kind config: basis', () => {
  const ask = (query: unknown): Record<string, unknown> => answerLine(engine, JSON.stringify(query)) as Record<string, unknown>;

  it('answers the headline on the basis asked for, with the decode band; the default is the reference', () => {
    const hw = engine.hardware({ tier: TIER });
    const d = defaultConfig(engine.catalog).llm;
    const m = engine.llmModel(hw, d.model, { quant: d.quant, workload: d.workload });
    const want = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: m.decodeTokS, source: m.source, multiplier: workloadDecodeMultiplier(m.workload) }, catalogModelShape(engine.catalog, m.model, m.quant)).decodeTokS;
    const calibrated = ask({ kind: 'config', tier: TIER, basis: 'calibrated' }).llm as Record<string, number | string>;
    expect(calibrated.basis).toBe('calibrated');
    expect(calibrated.decode_tok_s).toBeCloseTo(want, 9);
    expect(calibrated.decode_tok_s_high).toBeCloseTo(want * bands.calibrated.highRatio, 9);
    const reference = ask({ kind: 'config', tier: TIER }).llm as Record<string, number | string>;
    expect(reference.basis).toBe('reference');
    expect(reference.decode_tok_s).toBeCloseTo(m.decodeTokS, 9);
  });

  it('refuses a bad basis with the valid list', () => {
    expect(ask({ kind: 'config', tier: TIER, basis: 'bogus' })).toMatchObject({ error: { message: 'unknown basis "bogus"; valid: reference, calibrated' } });
  });
});
