/**
 * Error bands by provenance class (docs/decisions/0030-bands-by-provenance-class.md): which class a
 * source badge is in, which band each quantity, basis and class picks (hand-built calibration with a
 * distinct number in every slot), a class's band from its residuals (hand-worked percentiles), the
 * vision validation rows' schema, and the band fields in query answers (ratios read from the data file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundledCalibration,
  classBandOf,
  createBundledEngine,
  loadBundledCatalog,
  parseVisionValidationFile,
  pickBand,
  provenanceClassOf,
  type CalibrationFile,
  type Engine,
} from '../../../src/engine';
import { answerLine } from '../../../src/cli/query';
import { SIZER_FUNCTIONS } from '../../../src/functions/registry';
import { runFunction } from '../../../src/functions/registry/invoke';
import type { CellInput } from '../../../src/functions/registry/types';

const ROOT = join(__dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

function runQueryLine(engine: Engine, line: Record<string, unknown>): Record<string, unknown> {
  const answer = answerLine(engine, JSON.stringify(line)) as Record<string, unknown>;
  if ('error' in answer) throw new Error(JSON.stringify(answer.error));
  return answer;
}

const band = (lowRatio: number, highRatio: number) => ({ lowRatio, highRatio, rows: 10, method: 'hand' });

/** Every slot a different band, so a wrong pick shows as a wrong number. */
const handFile: CalibrationFile = {
  ...bundledCalibration(),
  bands: { reference: { lowRatio: 0.11, highRatio: 1.11, rows: 10 }, calibrated: { lowRatio: 0.22, highRatio: 1.22, rows: 10 } },
  classBands: {
    minRows: 10,
    measured: band(0.33, 1.33),
    decode: { sameClass: band(0.44, 1.44) },
    ttft: { sameClass: band(0.55, 1.55), crossClass: band(0.66, 1.66) },
    fps: { sameClass: band(0.77, 1.77), crossClass: band(0.88, 1.88) },
  },
};

describe('provenance class of a source badge', () => {
  it.each([
    ['measured', 'measured'],
    ['measured_anchor', 'measured'],
    ['measured_silicon_anchor', 'measured'],
    ['same_class_anchor', 'same_class'],
    ['cross_class', 'cross_class'],
    ['projected', 'cross_class'],
    [null, 'cross_class'],
    ['something_new', 'cross_class'],
  ])('%s is %s', (source, cls) => {
    expect(provenanceClassOf(source)).toBe(cls);
  });
});

describe('the band picked by quantity, basis and class', () => {
  it.each([
    // Decode: measured keeps its band on both bases; the calibrated basis replaces same- and cross-class numbers.
    ['decode', 'reference', 'measured', 0.33, 1.33],
    ['decode', 'reference', 'same_class', 0.44, 1.44],
    ['decode', 'reference', 'cross_class', 0.11, 1.11],
    ['decode', 'calibrated', 'measured', 0.33, 1.33],
    ['decode', 'calibrated', 'same_class', 0.22, 1.22],
    ['decode', 'calibrated', 'cross_class', 0.22, 1.22],
    // TTFT and FPS are not calibrated: the same band on both bases.
    ['ttft', 'reference', 'measured', 0.33, 1.33],
    ['ttft', 'reference', 'same_class', 0.55, 1.55],
    ['ttft', 'calibrated', 'same_class', 0.55, 1.55],
    ['ttft', 'calibrated', 'cross_class', 0.66, 1.66],
    ['fps', 'reference', 'measured', 0.33, 1.33],
    ['fps', 'reference', 'same_class', 0.77, 1.77],
    ['fps', 'calibrated', 'cross_class', 0.88, 1.88],
  ] as const)('%s on the %s basis, %s: %s to %s', (quantity, basis, cls, low, high) => {
    expect(pickBand(handFile, quantity, basis, cls)).toEqual({ provenanceClass: cls, lowRatio: low, highRatio: high });
  });

  it('reaches the query answers through an engine on that calibration', () => {
    const engine = createBundledEngine({ calibration: handFile });
    // NPU Mid's LLM number is its measured anchor; the LPDDR6 upgrade scales it as a same-class anchor.
    const measured = runQueryLine(engine, { kind: 'llm', tier: 'mid' });
    expect(measured.source).toBe('measured_anchor');
    expect(measured.provenance_class).toBe('measured');
    expect(measured.decode_tok_s_low).toBeCloseTo((measured.decode_tok_s as number) * 0.33, 12);
    expect(measured.ttft_1k_sec_high).toBeCloseTo((measured.ttft_1k_sec as number) * 1.33, 12);
    const same = runQueryLine(engine, { kind: 'llm', tier: 'mid', memory: 'lpddr6-14' });
    expect(same.source).toBe('same_class_anchor');
    expect(same.decode_tok_s_high).toBeCloseTo((same.decode_tok_s as number) * 1.44, 12);
    expect(same.ttft_1k_sec_low).toBeCloseTo((same.ttft_1k_sec as number) * 0.55, 12);
    const sameCalibrated = runQueryLine(engine, { kind: 'llm', tier: 'mid', memory: 'lpddr6-14', basis: 'calibrated' });
    expect(sameCalibrated.decode_tok_s_low).toBeCloseTo((sameCalibrated.decode_tok_s as number) * 0.22, 12);
    const vision = runQueryLine(engine, { kind: 'vision', tier: 'high', pipeline: 'trt_fp8_1hz_clip', streams: 1 });
    expect(vision.source).toBe('cross_class');
    expect(vision.fps_per_stream_low).toBeCloseTo((vision.fps_per_stream as number) * 0.88, 12);
    expect(vision.total_fps_high).toBeCloseTo((vision.total_fps as number) * 1.88, 12);
    // Batched streams carry no badge: cross-class.
    const batched = runQueryLine(engine, { kind: 'vision', tier: 'mid', pipeline: 'trt_fp8_1hz_clip', streams: 4 });
    expect(batched.source).toBeNull();
    expect(batched.provenance_class).toBe('cross_class');
    expect(batched.total_fps_low).toBeCloseTo((batched.total_fps as number) * 0.88, 12);
    const shape = runQueryLine(engine, { kind: 'llm_shape', tier: 'mid', model: 'qwen3_30b_a3b_moe' });
    expect(shape.ttft_s_low).toBeCloseTo((shape.ttft_s as number) * (shape.source === 'measured_anchor' ? 0.33 : 0.55), 12);
  });

  it('ships bands read from data/calibration.json: a measured vision cell carries the measured band', () => {
    const shipped = readJson('data/calibration.json') as { classBands: { measured: { lowRatio: number; highRatio: number } } };
    const answer = runQueryLine(createBundledEngine(), { kind: 'vision', tier: 'NPU Low-LP5X', pipeline: 'yolov8n_trt_int8_coco128' });
    expect(answer.source).toBe('measured');
    expect(answer.fps_per_stream_low).toBeCloseTo((answer.fps_per_stream as number) * shipped.classBands.measured.lowRatio, 12);
    expect(answer.fps_per_stream_high).toBeCloseTo((answer.fps_per_stream as number) * shipped.classBands.measured.highRatio, 12);
  });
});

describe('a class band from its residuals', () => {
  it('takes the 10th and 90th percentiles of a class with enough rows', () => {
    // Sorted 0.8..1.2, five values: 10th at position 0.4 -> 0.84; 90th at 3.6 -> 1.16.
    const b = classBandOf([1.2, 0.8, 1.0, 0.9, 1.1], 'rows', 5, { residuals: [9], name: 'unused' });
    expect(b.lowRatio).toBeCloseTo(0.84, 12);
    expect(b.highRatio).toBeCloseTo(1.16, 12);
    expect(b.rows).toBe(5);
    expect(b.method).toMatch(/^10th-90th percentile of 5 rows$/);
  });

  it('pools a class with too few rows with its fallback, widened to cover its own rows', () => {
    // Pooled 0.5, 1.0, 1.5, 2.0: 10th at position 0.3 -> 0.65; 90th at 2.7 -> 1.85, widened to the own row's 2.0.
    const b = classBandOf([2.0], 'vision rows', 5, { residuals: [0.5, 1.0, 1.5], name: 'decode residuals' });
    expect(b.lowRatio).toBeCloseTo(0.65, 12);
    expect(b.highRatio).toBe(2.0);
    expect(b.rows).toBe(4);
    expect(b.method).toMatch(/only 1 vision rows \(fewer than 5\).*pooled with 3 decode residuals/);
  });

  it('takes the fallback alone for a class with no rows', () => {
    const b = classBandOf([], 'same-class TTFT residuals', 5, { residuals: [0.5, 1.0, 1.5], name: 'pairs' });
    expect(b.lowRatio).toBeCloseTo(0.6, 12);
    expect(b.highRatio).toBeCloseTo(1.4, 12);
    expect(b.method).toMatch(/^no same-class TTFT residuals/);
  });
});

describe('vision validation rows', () => {
  const catalog = loadBundledCatalog();
  const names = { pipelines: catalog.files['pipelines.json'].pipelines.map((p) => p.key), resolutions: catalog.files['vision.json'].resolutions };
  const file = readJson('data/validation/vision.json') as { $comment: string; rows: Record<string, unknown>[] };
  const withRow = (i: number, patch: Record<string, unknown>) => ({ ...file, rows: file.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  it('parses the shipped file, each row on a catalog pipeline with a citation', () => {
    const rows = parseVisionValidationFile(file, 'vision.json', names);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.citation.length > 0 && names.pipelines.includes(r.pipeline))).toBe(true);
  });

  it.each([
    ['a negative FPS', 1, { fps: -3 }, /vision\.json: rows\[1\]\.fps: /],
    ['no FPS and no latency', 2, { fps: null, latencyMs: null }, /vision\.json: rows\[2\]\.fps: give fps or latencyMs/],
    ['a pipeline the catalog lacks', 0, { pipeline: 'yolov99' }, /vision\.json: rows\[0\]\.pipeline: "yolov99" is not a catalog pipeline/],
    ['a resolution the catalog lacks', 3, { resolution: '8K' }, /vision\.json: rows\[3\]\.resolution: "8K" is not one of 720p, 1080p, 4K/],
    ['a field outside the schema', 0, { fpsTypo: 5 }, /vision\.json: rows\[0\]: /],
    ['a missing citation', 0, { citation: '' }, /vision\.json: rows\[0\]\.citation: /],
  ])('refuses %s, naming the row and the field', (_name, i, patch, message) => {
    expect(() => parseVisionValidationFile(withRow(i, patch), 'vision.json', names)).toThrow(message);
  });
});

describe('band fields in the worksheet records', () => {
  const engine = createBundledEngine();
  const shipped = readJson('data/calibration.json') as { classBands: { measured: { lowRatio: number; highRatio: number } } };
  const field = (name: string, args: readonly CellInput[]): unknown => {
    const fn = SIZER_FUNCTIONS.find((f) => f.name === name);
    if (!fn) throw new Error(`no function ${name}`);
    const out = runFunction({ engine }, fn, args);
    if (!out.ok) throw new Error(out.error.message);
    return Array.isArray(out.value) ? out.value[0]?.[0] : out.value;
  };

  it('SIZER.VISION has the FPS band of a measured cell', () => {
    const args = ['NPU Low-LP5X', 'yolov8n_trt_int8_coco128', '1080p', 1, null];
    const fps = field('VISION', [...args, 'fps_per_stream']) as number;
    expect(field('VISION', [...args, 'provenance_class'])).toBe('measured');
    expect(field('VISION', [...args, 'fps_per_stream_low'])).toBeCloseTo(fps * shipped.classBands.measured.lowRatio, 12);
    expect(field('VISION', [...args, 'total_fps_high'])).toBeCloseTo(fps * shipped.classBands.measured.highRatio, 12);
  });

  it('SIZER.LLM has the TTFT band of its measured anchor', () => {
    const args = ['NPU Mid', 'skippy_finetune', null, null, null];
    const ttft = field('LLM', [...args, 'ttft_1k_sec']) as number;
    expect(field('LLM', [...args, 'source'])).toBe('measured_anchor');
    expect(field('LLM', [...args, 'ttft_1k_sec_low'])).toBeCloseTo(ttft * shipped.classBands.measured.lowRatio, 12);
    expect(field('LLM', [...args, 'ttft_1k_sec_high'])).toBeCloseTo(ttft * shipped.classBands.measured.highRatio, 12);
  });
});
