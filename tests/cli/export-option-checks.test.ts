/**
 * `sizer export` refuses a bad option value, an option the sheet would ignore, and an --out extension
 * naming the other format (src/cli/export/option-checks.ts). Which options a sheet reads is found by
 * building it, so these cases are facts of the sheets themselves: the KPI sheet lists every pipeline, the
 * matrix and reference sheets take no configuration, the duty curve runs its own queries-per-minute grid.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../../src/cli/export/command';
import { parseExportArgs, UsageError } from '../../src/cli/export/options';
import { SHEET_IDS } from '../../src/report';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const quiet = { commitSha: 'abc1234', version: '9.9.9', now: new Date('2026-11-29T12:00:00Z'), progress: () => undefined, stdout: () => undefined };

async function refusal(args: string[]): Promise<string> {
  try {
    await runExport(engine, parseExportArgs(args, engine.catalog), quiet);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected ${args.join(' ')} to be refused`);
}

describe('sizer export option checks', () => {
  it.each([
    [['kpi', '--format', 'csv', '--out', '-', '--pipeline', 'trt_fp8_1hz_clip'], /^--pipeline does not apply to sheet kpi/],
    [['matrix', '--format', 'csv', '--out', '-', '--tier', 'high'], /^export matrix builds the reference's full matrix .*so --tier would be ignored; valid: --format --out --anchors --no-header-comments --list --basis$/],
    [['reference', '--format', 'csv', '--out', '-', '--streams', '4'], /^--streams does not apply to sheet reference/],
    [['duty-curve', '--format', 'csv', '--out', '-', '--qpm', '5'], /^--qpm does not apply to sheet duty-curve/],
    [['cross-model', '--format', 'csv', '--out', '-', '--streams', '2', '--fleet', '2'], /^--streams, --fleet do not apply to sheet cross-model/],
  ])('%j: an option the sheet ignores is refused', async (args, message) => {
    expect(await refusal(args)).toMatch(message);
  });

  it.each([
    [['kpi', '--format', 'csv', '--out', '-', '--pipeline', 'foo'], /^--pipeline: unknown pipeline "foo"; valid: /],
    [['this-config', '--format', 'csv', '--out', '-', '--streams', '17'], /^--streams: streams must be a whole number from 1 to 16, got 17$/],
    [['this-config', '--format', 'csv', '--out', '-', '--fleet', '2.5', '--with-vla'], /^--fleet: fleet_size must be a whole number/],
    [['this-config', '--format', 'csv', '--out', '-', '--qpm', '-5'], /^--qpm: queries_per_minute must be/],
    [['cross-tier-llm', '--format', 'csv', '--out', '-', '--model', 'zz'], /^--model: unknown model "zz"/],
    [['this-config', '--format', 'csv', '--out', '-', '--memory', 'lpddr9'], /^--memory: /],
  ])('%j: a bad value is refused before anything is built', async (args, message) => {
    expect(await refusal(args)).toMatch(message);
  });

  it('refuses an --out whose extension names the other format, and says how to fix it', async () => {
    expect(await refusal(['kpi', '--format', 'xlsx', '--out', 'k.csv'])).toBe('--out k.csv names a .csv file but the export is --format xlsx; use --format csv, or an --out ending in .xlsx');
    expect(await refusal(['kpi', '--out', 'k.csv'])).toMatch(/the export is the default format, xlsx; use --format csv/);
    expect(await refusal(['kpi', '--format', 'csv', '--out', 'K.XLSX'])).toMatch(/names a \.xlsx file but the export is --format csv/);
  });

  it('accepts every sheet with no options, and this-config with every sizing option (it reads them all)', async () => {
    for (const sheet of SHEET_IDS) await expect(runExport(engine, parseExportArgs([sheet, '--format', 'csv', '--out', '-'], engine.catalog), quiet)).resolves.toBe('standard output');
    const all = ['--tier', 'mid', '--memory', 'lpddr6-14', '--npu-share', '0.5', '--pipeline', 'trt_fp8_1hz_clip', '--resolution', '1080p', '--streams', '4', '--compiler-quality', '1'];
    const llm = ['--model', 'skippy_finetune', '--quant', 'Q4_K_M', '--workload', 'plain_chat', '--qpm', '2', '--answer-kind', 'rag', '--fp4-maturity', 'mature'];
    const vla = ['--vla', engine.catalog.files['vla.json'].defaultModel, '--cameras', '2', '--fleet', '1', '--camera-mode', 'native'];
    await expect(runExport(engine, parseExportArgs(['this-config', '--format', 'csv', '--out', '-', ...all, ...llm, ...vla], engine.catalog), quiet)).resolves.toBe('standard output');
  });

  it('writes nothing when refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sizer-option-checks-'));
    try {
      await refusal(['matrix', '--format', 'csv', '--out', join(dir, 'm.csv'), '--tier', 'high']);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
