/**
 * The reference exporters' options on `sizer export`: matrix refuses the sizing options it would
 * ignore, --duty sets the budget's vision duty cycle, --no-header-comments drops the '#' block and
 * --list prints the choices without writing.
 */
import { runExport } from '../../src/cli/export/command';
import { parseExportArgs, UsageError } from '../../src/cli/export/options';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const env = (out: string[]) => ({ commitSha: 'abc1234', version: '9.9.9', now: new Date('2026-11-29T12:00:00Z'), progress: () => undefined, stdout: (d: string | Uint8Array) => out.push(String(d)) });

describe('sizer export: the reference exporters options', () => {
  it.each([['--qpm', '3'], ['--no-llm'], ['--tier', 'NPU Mid'], ['--duty', '0.5']])('matrix refuses %s, which it would ignore', (...option) => {
    expect(() => parseExportArgs(['matrix', '--format', 'csv', '--out', '-', ...option], engine.catalog)).toThrow(UsageError);
    expect(() => parseExportArgs(['matrix', '--format', 'csv', '--out', '-', ...option], engine.catalog)).toThrow(`so ${option[0]} would be ignored`);
  });

  it('matrix takes --no-header-comments: the CSV starts at the column header', async () => {
    const out: string[] = [];
    await runExport(engine, parseExportArgs(['matrix', '--format', 'csv', '--out', '-', '--no-header-comments'], engine.catalog), env(out));
    const lines = out.join('').split('\r\n');
    expect(lines[0]?.startsWith('workload_id,workload_category,')).toBe(true);
    expect(lines.some((l) => l.startsWith('#'))).toBe(false);
    // 2,250 rows under the header, as the reference's matrix.
    expect(lines.filter((l) => l !== '')).toHaveLength(2251);
  });

  it('--duty scales the this-config vision row as the reference budget exporter does (0.5 of NPU High 94.08 GB/s = 47.04)', async () => {
    const out: string[] = [];
    await runExport(engine, parseExportArgs(['this-config', '--format', 'csv', '--out', '-', '--duty', '0.5', '--no-header-comments'], engine.catalog), env(out));
    const [header, vision] = out.join('').split('\r\n');
    const columns = header?.split(',') ?? [];
    const cells = vision?.split(',') ?? [];
    expect(cells[columns.indexOf('ss_duty_cycle_frac')]).toBe('0.5');
    expect(cells[columns.indexOf('ss_ddr_gbs_avg')]).toBe('47.04');
    expect(vision).toContain('· duty 0.50');
  });

  it('--duty only applies to the platform budget', () => {
    expect(() => parseExportArgs(['kpi', '--format', 'csv', '--out', '-', '--duty', '0.5'], engine.catalog)).toThrow(/--duty sets the vision row's duty cycle/);
  });

  it('--list prints every pipeline and ladder tier and needs no --out', async () => {
    const out: string[] = [];
    const written = await runExport(engine, parseExportArgs(['this-config', '--list'], engine.catalog), env(out));
    expect(written).toBe('standard output');
    const text = out.join('');
    for (const p of engine.catalog.pipelines) expect(text).toContain(`  ${p.key}  ${p.label}`);
    expect(text).toContain('  mid  NPU Mid');
  });
});
