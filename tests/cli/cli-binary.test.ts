/**
 * The built CLI (dist/cli.js, made by `npm run build`, which `npm test` runs first) end to end:
 * real process, real stdin/stdout, exit codes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerLine } from '../../src/cli/query';
import { testEngine } from '../helpers/engine';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does it first)`);
});

describe('sizer query (built binary)', () => {
  it('--no-explanation prints the same answers without their explanation; an unknown option is refused', () => {
    const line = JSON.stringify({ id: 'v', kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip', streams: 4 }) + '\n';
    const full = JSON.parse(run(['query'], line).stdout) as Record<string, unknown>;
    const numbersOnly = run(['query', '--no-explanation'], line);
    expect(numbersOnly.status).toBe(0);
    const { explanation, ...rest } = full;
    expect(typeof explanation).toBe('string');
    expect(numbersOnly.stdout).toBe(`${JSON.stringify(rest)}\n`);
    const refused = run(['query', '--no-explanations'], line);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/unknown argument --no-explanations .*--no-explanation\)/);
  });

  it('gives one clear error line per bad line and still answers the good lines around them', () => {
    const lines = [
      JSON.stringify({ id: 'ok-1', kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4 }),
      '{"id": "broken", "kind": ',
      JSON.stringify({ id: 'bad-tier', kind: 'llm', tier: 'NPU Giga' }),
      JSON.stringify({ id: 'ok-2', kind: 'llm', tier: 'high', quant: 'Q5_K_M' }),
      JSON.stringify({ id: 'neg-streams', kind: 'vision', tier: 'mid', pipeline: 'sam3_bf16', streams: -3 }),
      JSON.stringify({ id: 'no-pipeline', kind: 'vision', tier: 'mid' }),
      JSON.stringify({ id: 'ok-3', kind: 'capability', tier: 'rtx5090', dtype: 'nvfp4' }),
    ];
    const { status, stdout, stderr } = run(['query'], lines.join('\n') + '\n');
    expect(status).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(7);
    const byId = new Map(out.map((r) => [r.id, r]));
    expect(byId.get('ok-1').total_fps).toBeGreaterThan(0);
    expect(byId.get('ok-2').source).toBe('measured_anchor');
    expect(byId.get('ok-3').level).toBe('tensor_native');
    expect(out[1]).toEqual({ id: null, error: { code: 'invalid_json', message: expect.stringMatching(/not JSON/) } });
    expect(byId.get('bad-tier').error.code).toBe('unknown_name');
    expect(byId.get('bad-tier').error.message).toMatch(/valid: imx95/);
    expect(byId.get('neg-streams').error).toEqual({ code: 'out_of_range', message: 'streams must be a whole number from 1 to 16, got -3' });
    expect(byId.get('no-pipeline').error.code).toBe('missing_field');
    expect(stderr).toMatch(/3 answered, 4 rejected/);
  });

  it('documents both commands in --help', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/sizer query/);
    expect(stdout).toContain('sizer export <sheet>|workbook --format xlsx|csv --out FILE|-');
  });

  it('rejects unknown commands and options with a usage error', () => {
    expect(run(['frobnicate']).status).toBe(2);
    const bad = run(['export', 'matrix', '--format', 'pdf', '--out', '-']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown format "pdf"; valid: xlsx, csv/);
  });
});

describe('sizer query kind config (built binary)', () => {
  it("answers the pane's headline as the query runner in the source does, number for number", () => {
    const lines = [
      { id: 'mismatch', kind: 'config', tier: 'mid', llm: { model: 'skippy_7b_v4' } },
      { id: 'spill', kind: 'config', tier: 'high', llm: { model: 'skippy_finetune', answer_kind: 'rag', queries_per_minute: 1 }, vla: { enabled: true, model: 'openvla_7b_single', fleet_size: 2 } },
      { id: 'no-tier', kind: 'config' },
    ].map((l) => JSON.stringify(l));
    const { status, stdout } = run(['query'], lines.join('\n') + '\n');
    expect(status).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toEqual(lines.map((l) => JSON.parse(JSON.stringify(answerLine(testEngine(), l)))));
    expect(out[0]?.llm).toBeNull();
    expect((out[1]?.memory_fit as { fits: boolean }).fits).toBe(false);
    expect(out[2]?.error).toEqual({ code: 'missing_field', message: expect.stringMatching(/give "tier"/) });
  });
});

describe('sizer export matrix (built binary)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sizer-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the matrix CSV with the caveat header to a file and to stdout', () => {
    const file = join(dir, 'matrix.csv');
    expect(run(['export', 'matrix', '--format', 'csv', '--out', file]).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\r\n').filter(Boolean);
    const comments = lines.filter((l) => l.startsWith('#'));
    expect(comments.length).toBeGreaterThan(5);
    expect(lines.length - comments.length).toBe(1 + 2250);
    const stdout = run(['export', 'matrix', '--format', 'csv', '--out', '-']).stdout;
    // same rows; only the export timestamp may differ
    const strip = (t: string): string => t.replace(/,\d{4}-\d\d-\d\dT[\d:]+\+00:00/g, ',T');
    expect(strip(stdout)).toBe(strip(text));
  });

  it('fails clearly and leaves no partial file when the output cannot be written', () => {
    const target = join(dir, 'no-such-dir', 'matrix.csv');
    const { status, stderr } = run(['export', 'matrix', '--format', 'csv', '--out', target]);
    expect(status).toBe(1);
    // Said once, plainly: the folder, not an errno twice over a temporary file's name.
    expect(stderr).toBe(`sizer: cannot write ${target}: the folder ${join(dir, 'no-such-dir')} does not exist\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sizer query --anchors (built binary)', () => {
  const example = join(__dirname, '..', '..', 'data', 'anchors.example.json');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sizer-anchors-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the anchors file as the top layer', () => {
    const { status, stdout } = run(['query', '--anchors', example], JSON.stringify({ id: 1, kind: 'llm', tier: 'mid' }) + '\n');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 1, source: 'measured_silicon_anchor' });
  });

  it('rejects a malformed file naming the key path, without printing any of its values', () => {
    const file = join(dir, 'secrets.toml');
    writeFileSync(file, '[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]\ntokps = -987.654\nsource = "measured"\nnotes = "TOP-SECRET-NOTE"\n');
    const { status, stdout, stderr } = run(['query', '--anchors', file], JSON.stringify({ id: 1, kind: 'llm', tier: 'mid' }) + '\n');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/npu_llm_anchors\.mid_int8\.qwen3_30b_a3b_moe\.tokps/);
    expect(stderr).not.toMatch(/987/);
    expect(stderr).not.toMatch(/TOP-SECRET-NOTE/);
  });

  it('says when the file cannot be read', () => {
    const { status, stderr } = run(['query', '--anchors', join(dir, 'missing.toml')], '');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^sizer: cannot read anchors file .*missing\.toml: no such file\n$/);
  });

  it('refuses a device at once, before reading it, in one line with exit status 2', () => {
    const started = Date.now();
    const { status, stdout, stderr } = run(['query', '--anchors', '/dev/urandom'], JSON.stringify({ id: 1, kind: 'llm' }) + '\n');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('sizer: cannot read anchors file /dev/urandom: not a regular file (a device, pipe or socket)\n');
  });

  it('refuses a 1 GB file from its size, without reading it', () => {
    const file = join(dir, 'anchors.toml');
    writeFileSync(file, '');
    truncateSync(file, 1024 ** 3); // sparse: takes no disk space
    const started = Date.now();
    const { status, stderr } = run(['query', '--anchors', file], '');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(status).toBe(2);
    expect(stderr).toBe(`sizer: cannot read anchors file ${file}: 1073741824 bytes, more than the 4000000-byte limit; is this the right file?\n`);
  });

  it('refuses a folder', () => {
    const { status, stderr } = run(['query', '--anchors', dir], '');
    expect(status).toBe(2);
    expect(stderr).toBe(`sizer: cannot read anchors file ${dir}: it is a folder\n`);
  });
});
