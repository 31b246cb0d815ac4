/**
 * `sizer export procurement --requirements FILE`: the plan of a JSON requirements file as CSV (the
 * same rows as `sizer query` kind plan) and as .xlsx (table and the capex/TCO chart's data), and a
 * bad file refused with every bad row named before anything is written.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../../src/cli/export/command';
import { parseExportArgs, UsageError } from '../../src/cli/export/options';
import { answerLine } from '../../src/cli/query';
import { PLAN_FIELDS } from '../../src/engine';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const quiet = { commitSha: 'abc1234', version: '9.9.9', now: new Date('2026-12-03T08:00:00Z'), progress: () => undefined, stdout: () => undefined };
const PLAN = {
  requirements: [
    { kind: 'vision', pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', cameras: 40, target_fps: 15 },
    { kind: 'llm', model: 'instruct_moe_stock', quant: 'Q4_K_M', queries_per_minute: 2 },
    { kind: 'sites', sites: 12 },
  ],
  tiers: ['mid', 'high', 'low-lp5x'],
  prices: { unit_price: 600, unit_prices: { 'NPU High': 900 }, price_per_kwh: 0.3, years: 5 },
};

describe('sizer export procurement', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sizer-procurement-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('needs --requirements, and takes it only for procurement', () => {
    expect(() => parseExportArgs(['procurement', '--format', 'csv', '--out', '-'], engine.catalog)).toThrow(UsageError);
    expect(() => parseExportArgs(['kpi', '--format', 'csv', '--out', '-', '--requirements', 'x.json'], engine.catalog)).toThrow(/procurement only/);
  });

  it('CSV: the rows sizer query kind plan gives, under the sheet header', async () => {
    const out = join(dir, 'plan.csv');
    const request = parseExportArgs(['procurement', '--requirements', file('plan.json', PLAN), '--format', 'csv', '--out', out], engine.catalog);
    await runExport(engine, request, quiet);
    const csv = (await import('node:fs')).readFileSync(out, 'utf8');
    const lines = csv.split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines[0]).toBe(PLAN_FIELDS.join(','));
    const query = answerLine(engine, JSON.stringify({ kind: 'plan', ...PLAN })) as { rows: Record<string, unknown>[] };
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(query.rows.map((r) => r.tier));
    // NPU Mid is the cheapest feasible tier at these prices; Low-LP5X cannot hold the 18 GB model.
    expect(lines.find((l) => l.startsWith('NPU Mid,'))).toMatch(/^NPU Mid,TRUE,cheapest,/);
    expect(lines.find((l) => l.startsWith('NPU Low-LP5X,'))).toMatch(/FALSE,infeasible,"LLM does not fit/);
  });

  it('xlsx: the plan table with the capex and TCO columns the chart plots', async () => {
    const out = join(dir, 'plan.xlsx');
    const request = parseExportArgs(['procurement', '--requirements', file('plan2.json', PLAN), '--format', 'xlsx', '--out', out], engine.catalog);
    await runExport(engine, request, quiet);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('Procurement plan');
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const tco = header.findIndex((h) => h === 'TCO') + 1;
    const capex = header.findIndex((h) => h === 'Capex') + 1;
    expect(ws.getRow(2).getCell(1).value).toBe('NPU Mid');
    // 72 devices (6 a site on 12 sites) at 600.
    expect(ws.getRow(2).getCell(capex).value).toBe(43_200);
    expect(ws.getRow(2).getCell(tco).value as number).toBeGreaterThan(43_200);
  });

  it('a bad file names every bad row and writes nothing', async () => {
    const out = join(dir, 'bad.csv');
    const bad = file('bad.json', { requirements: [{ kind: 'vision', pipeline: 'trt_fp8_1hz_clip', cameras: 'forty', target_fps: 15 }, { kind: 'llm' }, { kind: 'radar' }], extra: 1 });
    const request = parseExportArgs(['procurement', '--requirements', bad, '--format', 'csv', '--out', out], engine.catalog);
    const error = await runExport(engine, request, quiet).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/unknown field "extra"/);
    expect(error?.message).toMatch(/requirements\[0\] \("vision"\): "cameras" must be a number, got "forty"/);
    expect(error?.message).toMatch(/requirements\[1\] \("llm"\): .*"model"/);
    expect(error?.message).toMatch(/requirements\[2\] \("radar"\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('a range problem in a row is named by its row too', async () => {
    const bad = file('range.json', { requirements: [{ kind: 'vision', pipeline: 'trt_fp8_1hz_clip', cameras: 0, target_fps: 15 }, { kind: 'sites', sites: 1.5 }] });
    const request = parseExportArgs(['procurement', '--requirements', bad, '--format', 'csv', '--out', join(dir, 'range.csv')], engine.catalog);
    await expect(runExport(engine, request, quiet)).rejects.toThrow(/row 1: cameras \(amount\) must be .*got 0; row 2: sites \(amount\) must be a whole number/);
  });
  it('--basis calibrated: the LLM duty is the plan on that basis (as kind plan with basis), and the notes say so', async () => {
    // NPU Low-LP5X runs the MoE with a projected decode, so the calibrated basis moves its duty.
    const onLowLp5x = { requirements: [{ kind: 'llm', model: 'skippy_finetune', quant: 'Q4_K_M', queries_per_minute: 2 }], tiers: ['low-lp5x'] };
    const out = join(dir, 'plan-calibrated.csv');
    const request = parseExportArgs(['procurement', '--requirements', file('plan-calibrated.json', onLowLp5x), '--format', 'csv', '--out', out, '--basis', 'calibrated'], engine.catalog);
    await runExport(engine, request, quiet);
    const csv = (await import('node:fs')).readFileSync(out, 'utf8');
    const lines = csv.split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
    // Split on commas outside quotes: the why column quotes its commas.
    const duty = Number(lines[1]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[PLAN_FIELDS.indexOf('llm_duty')]);
    const ask = (basis: string) => (answerLine(engine, JSON.stringify({ kind: 'plan', ...onLowLp5x, basis })) as { rows: Record<string, number>[] }).rows[0]!.llm_duty!;
    expect(duty).toBeCloseTo(ask('calibrated'), 3);
    expect(duty).not.toBeCloseTo(ask('reference'), 3);
    expect(csv).toMatch(/Basis: Calibrated to measurements/);
  });
});
