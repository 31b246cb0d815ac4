/** Parsing private anchors files: the accepted shapes, and rejections that never quote the file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { formatFromFileName, MAX_ANCHORS_FILE_CHARS, NO_ANCHORS, parseAnchors, type AnchorFileFormat } from '../../../src/engine/anchors';
import { isSizerError } from '../../../src/engine/util/errors';

const EXAMPLE_JSON = readFileSync(join(__dirname, '../../../data/anchors.example.json'), 'utf8');

/** The example file's cells, as TOML in the reference's secrets shape. */
const EXAMPLE_TOML = `
"$comment" = "EXAMPLE ONLY"

[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]
tokps = 12.345
prefill_tokps = 1234.5
mem_gb = 12.34
seqlen = 1234
source = "measured"
measured_date = "2000-01-01"
peak_bw_gbps = 123.45
bw_share_frac = 0.5
bw_efficiency_frac = 0.5
notes = "EXAMPLE ONLY - fake values"

[npu_llm_anchors.mid_int8.qwen25_7b_dense]
tokps = 1.2345
source = "vendor_spec"
measured_date = "2000-01-01"
notes = "EXAMPLE ONLY - fake values; not measured, so never used by the overlay"

[npu_llm_anchors.high_fp.qwen25_7b_dense]
tokps = 23.456
source = "measured"
measured_date = "2000-01-01"
notes = "EXAMPLE ONLY - fake values; no prefill figure, so TTFT stays projected"

[cnn_anchors.mid_int8.yolov8n_w8]
ms_per_inference = 3.4567
fps = 289.29
mem_mb = 12.3
input_res = "640x640"
source = "measured"
measured_date = "2000-01-01"
peak_bw_gbps = 123.45
bw_share_frac = 0.5
bw_efficiency_frac = 0.5
notes = "EXAMPLE ONLY - fake values"

[cnn_anchors.high_int8.resnet50_w4]
ms_per_inference = 4.5678
input_res = "224x224"
source = "measured"
measured_date = "2000-01-01"
notes = "EXAMPLE ONLY - fake values"
`;

/** Distinctive values planted in the bad files below; none may ever surface in an error. */
const SECRETS = ['98765.4321', '98765', '31415.9265', '31415', 'TOPSECRET-7731', '2718.2818', 'hunter2'];

function rejection(text: string, format: AnchorFileFormat): Error {
  let threwNonError = false;
  try {
    parseAnchors(text, format);
  } catch (error) {
    if (error instanceof Error) return error;
    threwNonError = true;
  }
  throw new Error(threwNonError ? 'threw a non-Error' : 'the file was accepted');
}

/** Rejected as invalid_input with `expected` in the message, and no planted value anywhere in the error. */
function expectRejected(text: string, format: AnchorFileFormat, expected: string | RegExp): string {
  const error = rejection(text, format);
  expect(isSizerError(error)).toBe(true);
  if (!isSizerError(error)) return '';
  expect(error.code).toBe('invalid_input');
  expect(error.field).toBe('anchors');
  expect(error.message).toEqual(expect.stringMatching(typeof expected === 'string' ? escapeRegExp(expected) : expected));
  expect('cause' in error).toBe(false);
  const everything = [error.message, error.stack ?? '', JSON.stringify(error, Object.getOwnPropertyNames(error)), inspect(error)].join('\n');
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
  return error.message;
}

function escapeRegExp(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const CELL = '[npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe]';

describe('parseAnchors: accepted files', () => {
  it('reads the example JSON file into camel-case cells, 0 and absent figures as null', () => {
    const set = parseAnchors(EXAMPLE_JSON, 'json');
    const moe = set.llm.mid_int8?.qwen3_30b_a3b_moe;
    expect(moe).toEqual({
      tokps: 12.345,
      prefillTokps: 1234.5,
      memGb: 12.34,
      seqlen: 1234,
      source: 'measured',
      measuredDate: '2000-01-01',
      peakBwGbps: 123.45,
      bwShareFrac: 0.5,
      bwEfficiencyFrac: 0.5,
      notes: 'EXAMPLE ONLY - fake values',
    });
    expect(set.llm.high_fp?.qwen25_7b_dense?.prefillTokps).toBeNull();
    expect(set.cnn.mid_int8?.yolov8n_w8?.msPerInference).toBe(3.4567);
    expect(set.cnn.high_int8?.resnet50_w4?.fps).toBeNull();
    expect(set.llm.high_int8).toBeUndefined();
  });

  it('reads the same cells from TOML in the secrets shape', () => {
    expect(parseAnchors(EXAMPLE_TOML, 'toml')).toEqual(parseAnchors(EXAMPLE_JSON, 'json'));
  });

  it('returns a deep-frozen set', () => {
    const set = parseAnchors(EXAMPLE_JSON, 'json');
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set.llm)).toBe(true);
    expect(Object.isFrozen(set.llm.mid_int8)).toBe(true);
    expect(Object.isFrozen(set.llm.mid_int8?.qwen3_30b_a3b_moe)).toBe(true);
    expect(Object.isFrozen(NO_ANCHORS)).toBe(true);
  });

  it('keeps numbers out of JSON.stringify and console output', () => {
    const set = parseAnchors(EXAMPLE_JSON, 'json');
    const printed = [JSON.stringify(set), inspect(set, { depth: 10 }), JSON.stringify(set.llm.mid_int8), inspect(set.cnn.mid_int8?.yolov8n_w8)].join('\n');
    for (const value of ['12.345', '1234.5', '3.4567', '23.456', '2000-01-01', 'fake values']) expect(printed).not.toContain(value);
    expect(JSON.parse(JSON.stringify(set))).toEqual({
      anchors: {
        llm: [
          { tierCell: 'mid_int8', model: 'qwen3_30b_a3b_moe', measured: true },
          { tierCell: 'mid_int8', model: 'qwen25_7b_dense', measured: false },
          { tierCell: 'high_fp', model: 'qwen25_7b_dense', measured: true },
        ],
        cnn: [
          { tierCell: 'mid_int8', cnn: 'yolov8n_w8', measured: true },
          { tierCell: 'high_int8', cnn: 'resnet50_w4', measured: true },
        ],
      },
    });
  });

  it('accepts an empty file, a TOML local date, integers and a byte-order mark', () => {
    expect(parseAnchors('', 'toml')).toEqual(NO_ANCHORS);
    expect(parseAnchors('{}', 'json')).toEqual(NO_ANCHORS);
    const set = parseAnchors(`\uFEFF${CELL}\ntokps = 40\nsource = "measured"\nmeasured_date = 2000-01-02\n`, 'toml');
    expect(set.llm.mid_int8?.qwen3_30b_a3b_moe?.tokps).toBe(40);
    expect(set.llm.mid_int8?.qwen3_30b_a3b_moe?.measuredDate).toBe('2000-01-02');
  });

  it('tells the format from the file name', () => {
    expect(formatFromFileName('secrets.toml')).toBe('toml');
    expect(formatFromFileName('C:\\Users\\me\\Anchors.JSON')).toBe('json');
    expect(() => formatFromFileName('anchors.yaml')).toThrow(/\.toml or \.json/);
  });
});

describe('parseAnchors: rejected files name the key path and never quote a value', () => {
  it('reports TOML syntax errors by line and column only', () => {
    const message = expectRejected(`${CELL}\nsource = "measured"\ntokps = 98765.4321x\n`, 'toml', 'not valid TOML at line 3, column');
    expect(message).not.toContain('tokps');
    expectRejected(`${CELL}\ntokps = 98765.4321\ntokps = 31415.9265\nsource = "measured"\n`, 'toml', 'not valid TOML at line 3, column 1');
    expectRejected(`${CELL}\nnotes = "TOPSECRET-7731\ntokps = 1\n`, 'toml', /^anchors file: not valid TOML at line 2, column \d+$/);
    expectRejected('PASSWORD = "hunter2"\n__proto__ = 2718.2818\n', 'toml', 'not valid TOML at line 2');
  });

  it('reports JSON syntax errors by position only', () => {
    expectRejected('{"npu_llm_anchors": {"mid_int8": {"qwen3_30b_a3b_moe": {\n  "tokps": 98765.4321,,\n  "source": "measured"}}}}', 'json', /^anchors file: not valid JSON( at line 2, column \d+)?$/);
    expectRejected('{"notes": "TOPSECRET-7731', 'json', /^anchors file: not valid JSON/);
  });

  it('rejects an unknown section, tier cell, model, CNN or field', () => {
    expectRejected('PASSWORD = "hunter2"\n', 'toml', 'PASSWORD: unknown section; expected npu_llm_anchors, cnn_anchors');
    expectRejected(`[npu_llm_anchors.mid_int9.qwen3_30b_a3b_moe]\ntokps = 98765.4321\nsource = "measured"\n`, 'toml', 'npu_llm_anchors.mid_int9: unknown tier cell; expected one of mid_int8, high_int8, high_fp');
    expectRejected(`[npu_llm_anchors.mid_int8.qwen3_31b]\ntokps = 98765.4321\nsource = "measured"\n`, 'toml', 'npu_llm_anchors.mid_int8.qwen3_31b: unknown model key');
    expectRejected('{"cnn_anchors": {"high_int8": {"resnet50": {"ms_per_inference": 31415.9265, "source": "measured"}}}}', 'json', 'cnn_anchors.high_int8.resnet50: unknown CNN key; expected one of yolov8n_w8, yolov8n_w4, resnet50_w4');
    expectRejected(`${CELL}\ntokps = 98765.4321\nsource = "measured"\ntok_per_s = 31415.9265\n`, 'toml', 'npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.tok_per_s: unknown field; expected tokps, prefill_tokps');
    expectRejected('{"cnn_anchors": {"mid_int8": {"yolov8n_w8": {"ms_per_inference": 31415.9265, "source": "measured", "latency": 2718.2818}}}}', 'json', 'cnn_anchors.mid_int8.yolov8n_w8.latency: unknown field; expected ms_per_inference, fps');
  });

  it('does not echo a key that could be a value', () => {
    const message = expectRejected(`${CELL}\ntokps = 2718.2818\nsource = "measured"\n"98765.4321" = 1\n`, 'toml', 'npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.(a key that is not a plain name): unknown field');
    expect(message).not.toContain('98765');
  });

  it('rejects negative or zero tok/s and ms', () => {
    expectRejected(`${CELL}\ntokps = -98765.4321\nsource = "measured"\n`, 'toml', 'anchors file: npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.tokps: must be a positive number');
    expectRejected(`${CELL}\ntokps = 0.0\nprefill_tokps = 31415.9265\nsource = "measured"\n`, 'toml', 'npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.tokps: must be a positive number');
    expectRejected('{"cnn_anchors": {"mid_int8": {"yolov8n_w4": {"ms_per_inference": 0, "fps": 31415.9265, "source": "measured"}}}}', 'json', 'cnn_anchors.mid_int8.yolov8n_w4.ms_per_inference: must be a positive number');
    expectRejected(`${CELL}\ntokps = 2718.2818\nprefill_tokps = -31415.9265\nsource = "measured"\n`, 'toml', 'qwen3_30b_a3b_moe.prefill_tokps: must be a number of at least 0');
    expectRejected(`${CELL}\ntokps = inf\nsource = "measured"\n`, 'toml', 'qwen3_30b_a3b_moe.tokps: must be a positive number');
  });

  it('rejects wrong types and missing headline figures', () => {
    expectRejected(`${CELL}\ntokps = "98765.4321"\nsource = "measured"\n`, 'toml', 'npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.tokps: must be a positive number');
    expectRejected(`${CELL}\ntokps = 98765.4321\nsource = "TOPSECRET-7731"\n`, 'toml', 'qwen3_30b_a3b_moe.source: must be one of measured, vendor_spec, projected');
    expectRejected(`${CELL}\nsource = "measured"\nprefill_tokps = 98765.4321\n`, 'toml', 'npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe.tokps: is required');
    expectRejected(`${CELL}\ntokps = 98765.4321\n`, 'toml', 'qwen3_30b_a3b_moe.source: is required');
    expectRejected(`${CELL}\ntokps = 98765.4321\nsource = "measured"\nmeasured_date = "TOPSECRET-7731"\n`, 'toml', 'qwen3_30b_a3b_moe.measured_date: must be a date written YYYY-MM-DD');
    expectRejected(`${CELL}\ntokps = 98765.4321\nsource = "measured"\nseqlen = 31415.9265\n`, 'toml', 'qwen3_30b_a3b_moe.seqlen: must be a whole number');
    expectRejected(`${CELL}\ntokps = 98765.4321\nsource = "measured"\nbw_share_frac = 31415.9265\n`, 'toml', 'qwen3_30b_a3b_moe.bw_share_frac: must be a fraction');
    expectRejected(`${CELL}\ntokps = 98765.4321\nsource = "measured"\nnotes = 31415.9265\n`, 'toml', 'qwen3_30b_a3b_moe.notes: must be text');
    expectRejected('[npu_llm_anchors.mid_int8]\nqwen3_30b_a3b_moe = 98765.4321\n', 'toml', 'npu_llm_anchors.mid_int8.qwen3_30b_a3b_moe: must be a table');
    expectRejected('{"npu_llm_anchors": [98765.4321]}', 'json', 'npu_llm_anchors: must be a table');
    expectRejected('98765.4321', 'json', '(top level): must be a table');
  });

  it('refuses an oversized file and an unknown format', () => {
    expectRejected(' '.repeat(MAX_ANCHORS_FILE_CHARS + 1), 'toml', /larger than/);
    expect(() => parseAnchors('{}', 'yaml' as AnchorFileFormat)).toThrow(/"toml" or "json"/);
  });
});
